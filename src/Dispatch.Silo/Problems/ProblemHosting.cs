using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace Dispatch.Silo.Problems;

/// <summary>RFC 9457 problem details for every error the API gives, and JSON options to match the documents.</summary>
public static class ProblemHosting
{
    public static WebApplicationBuilder AddDispatchProblems(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            problem.Status = status;
            // One family of type URIs, whether the problem came from an endpoint or the framework.
            var type = ProblemTypes.For(status);
            problem.Type = type == "about:blank" ? problem.Type ?? type : type;
            problem.Title ??= ProblemTypes.TitleFor(status);
            problem.Detail ??= ProblemTypes.DetailFor(status);
            problem.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        });
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();

        // Bad bodies throw, so the exception handler can answer them with a problem and a detail
        // instead of an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;

            // 1e400 is valid JSON but no number the engine can use: a 400, not an infinity.
            o.SerializerOptions.Converters.Add(new Dispatch.Solver.Documents.FiniteNumberConverter());
        });
        return builder;
    }

    public static WebApplication UseDispatchProblems(this WebApplication app)
    {
        app.UseExceptionHandler();
        // Framework answers without a body (404 for unknown routes, 405, ...) become problems too.
        app.UseStatusCodePages();
        return app;
    }
}
