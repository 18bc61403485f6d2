using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Dispatch.Silo.Hosting;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> with the bearer scheme, and the Scalar UI at <c>/scalar</c>.</summary>
public static class OpenApiHosting
{
    public static WebApplicationBuilder AddDispatchOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", options => options.AddDocumentTransformer(AddBearerScheme));
        return builder;
    }

    public static WebApplication MapDispatchOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/scalar").AllowAnonymous();
        return app;
    }

    private static Task AddBearerScheme(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Dispatch API";
        document.Info.Description = "Rescue dispatch optimization engine. Authenticate with 'Authorization: Bearer <api key>'.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "API key",
            Description = "An API key with role agent, planner or admin.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference("bearer", document)] = [],
        });
        return Task.CompletedTask;
    }
}
