using Dispatch.Grains.Centers;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Problems;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Silo.Endpoints;

/// <summary><c>/v1/centers/{id}</c>: a center with live units and stock; stock movements (admin).</summary>
public static class CenterEndpoints
{
    public sealed record StockChange(string? Sku, int? Delta, string? Reason);

    public sealed record StockAnswer(string CenterId, string Sku, int OnHand, int Reserved);

    public static IEndpointRouteBuilder MapCenterEndpoints(this IEndpointRouteBuilder app)
    {
        var centers = app.MapGroup("/v1/centers").WithTags("Network");
        centers.MapGet("/{id}", GetAsync).RequireKey(AuthPolicies.Reader)
            .WithName("getCenter")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One service center with its units and stock.")
            .WithDescription("The center as in the network document, with live unit status and position and stock {onHand, reserved}.");
        centers.MapPost("/{id}/stock", AdjustStockAsync).RequireKey(AuthPolicies.Admin)
            .WithName("adjustStock")
            .Audited("stock.change", detail: AuditDetails.Stock)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Move stock in or out: on hand never goes below what open incidents hold.")
            .WithDescription("delta: a non-zero integer within ±1,000,000, positive in, negative out. 409 if onHand would fall below reserved.");
        return app;
    }

    private static async Task<Results<Ok<CenterDocument>, ProblemHttpResult>> GetAsync(string id, Dispatchers grains)
    {
        var center = await grains.Dispatcher.GetCenterAsync(id);
        return center is null ? ProblemResults.NotFound($"No center has the id '{id}'.") : TypedResults.Ok(center);
    }

    private static async Task<Results<Ok<StockAnswer>, ValidationProblem, ProblemHttpResult>> AdjustStockAsync(string id, StockChange? change, Dispatchers grains)
    {
        var errors = RequestValidator.StockChange(change?.Sku, change?.Delta, change?.Reason);
        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors.Select(e => (e.Path, e.Message)));
        }

        var result = await grains.Dispatcher.AdjustStockAsync(id, change!.Sku!, change.Delta!.Value);
        return result.Error switch
        {
            CommandError.None => TypedResults.Ok(new StockAnswer(id, change.Sku!, result.Value!.OnHand, result.Value.Reserved)),
            CommandError.NotFound => ProblemResults.NotFound(result.Detail!),
            CommandError.Conflict => ProblemResults.Conflict(result.Detail!),
            _ => ProblemResults.BadRequest(result.Detail!),
        };
    }
}
