using Dispatch.Silo.Auth;
using Dispatch.Solver.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Dispatch.Silo.Hosting;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c> with the bearer scheme, and the Scalar UI at <c>/scalar</c>.
/// The document passes Redocly's recommended rules with no warning (<c>tools/openapi-lint</c>, run by <c>test.sh</c>).</summary>
public static class OpenApiHosting
{
    /// <summary>What each tag groups, for the document's <c>tags</c> (a tag without a description is a lint warning).</summary>
    internal static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Network"] = "The network document, read live, and replaced as a whole; a center's stock; a unit's position and status. Admins write, every role reads.",
        ["Dispatch"] = "Who should go to an incident, and why not the others; a surge of incidents assigned jointly. Agents and admins.",
        ["Incidents"] = "Cases: open one (idempotent), dispatch it, report its events, follow its timeline. Agents and admins write, every role reads.",
        ["Scenarios"] = "What-if runs, computed on a copy of the network: live state never changes. Planners and admins.",
        ["Planning"] = "Where to place units: coverage (mclp) and p-median models. Planners and admins.",
        ["Identity"] = "Who the caller is: the API key's id, name and role. Every role.",
        ["Admin"] = "API keys: create one (the key is shown once), list and revoke them. Admins only.",
    };

    public static WebApplicationBuilder AddDispatchOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer(DescribeDocument);
            options.AddOperationTransformer(DescribeRoles);
            options.AddSchemaTransformer(DescribeConvertedTypes);
        });
        return builder;
    }

    public static WebApplication MapDispatchOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/scalar").AllowAnonymous();
        return app;
    }

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Dispatch API";
        document.Info.Description = "Rescue dispatch optimization engine. Authenticate with 'Authorization: Bearer <api key>'. " +
            "Errors are RFC 9457 problem details (application/problem+json).";

        // The repository grants no licence (it has no LICENSE file): say so, with an SPDX LicenseRef- identifier,
        // which is how SPDX names a licence that is not on its list.
        document.Info.License = new OpenApiLicense
        {
            Name = "No licence granted: all rights reserved",
            Identifier = "LicenseRef-Dispatch-All-Rights-Reserved",
        };

        // The server is the address the document was asked on; "http://host:port/" with its slash would make every
        // path start with "//" once a client joins them.
        foreach (var server in document.Servers ?? [])
        {
            if (server.Url is { Length: > 1 } url && url.EndsWith('/'))
            {
                server.Url = url.TrimEnd('/');
            }
        }

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && tag.Description is null && TagDescriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }

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

    // Types the API writes with its own converters (FiniteNumberConverter for every double, GeoPointConverter) come
    // out of the schema generator untyped ({"format": "double"}, {}): a client would get untyped answers. Say what
    // the converters write.
    private static Task DescribeConvertedTypes(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var nullable = Nullable.GetUnderlyingType(type) is not null
            || (context.JsonPropertyInfo is { } property && Nullable.GetUnderlyingType(property.PropertyType) is not null);
        if ((Nullable.GetUnderlyingType(type) ?? type) == typeof(double) && schema.Type is null)
        {
            schema.Type = nullable ? JsonSchemaType.Number | JsonSchemaType.Null : JsonSchemaType.Number;
            schema.Format = "double";
        }
        else if (type == typeof(GeoPoint) && schema.Properties is not { Count: > 0 })
        {
            schema.Type = JsonSchemaType.Object;
            schema.Description ??= "A WGS84 position in degrees.";
            schema.Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["lat"] = new OpenApiSchema { Type = JsonSchemaType.Number, Format = "double", Description = "Latitude, -90..90." },
                ["lon"] = new OpenApiSchema { Type = JsonSchemaType.Number, Format = "double", Description = "Longitude, -180..180." },
            };
            schema.Required = new HashSet<string>(StringComparer.Ordinal) { "lat", "lon" };
        }

        return Task.CompletedTask;
    }

    // Which keys may call the operation, from its authorization policy, at the end of its description.
    private static Task DescribeRoles(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        var roles = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault() switch
        {
            AuthPolicies.Reader => "any API key",
            AuthPolicies.Agent => "an API key with role agent or admin",
            AuthPolicies.Planner => "an API key with role planner or admin",
            AuthPolicies.Admin => "an API key with role admin",
            _ => null,
        };
        if (roles is not null)
        {
            var line = $"Needs {roles}.";
            operation.Description = string.IsNullOrEmpty(operation.Description) ? line : operation.Description + "\n\n" + line;
        }

        return Task.CompletedTask;
    }
}
