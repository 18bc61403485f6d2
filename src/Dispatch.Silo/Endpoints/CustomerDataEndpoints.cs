using Dispatch.Grains.Incidents;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Problems;
using Dispatch.Solver.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Silo.Endpoints;

/// <summary><c>DELETE /v1/incidents/{id}/customer</c>: erase a case's customer data on request (admin); the case, its
/// timeline and KPIs stay (docs/privacy-and-audit.md "Erasure").</summary>
public static class CustomerDataEndpoints
{
    public static IEndpointRouteBuilder MapCustomerDataEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/v1/incidents/{id}/customer", EraseAsync)
            .RequireKey(AuthPolicies.Admin)
            .WithTags("Incidents")
            .WithName("eraseCustomerData")
            .Audited("customer.erase", incident: true)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Erase the case's customer name, phone, VIN and notes; the case, its timeline and KPIs stay.")
            .WithDescription("204, also when already erased. The timeline gets a customerErased entry. " +
                "A later create under the same id is a 409: without the data it cannot be told from a different request.");
        return app;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> EraseAsync(string id, Dispatchers grains)
    {
        if (!RequestValidator.IsAddressableId(id))
        {
            return ProblemResults.NotFound($"No incident has the id '{RequestValidator.Echo(id)}'.");
        }

        var result = await grains.Incident(id).EraseCustomerDataAsync(ErasureReason.Request);
        return result.Outcome == CaseOutcome.NotFound
            ? ProblemResults.NotFound($"No incident has the id '{RequestValidator.Echo(id)}'.")
            : TypedResults.NoContent();
    }
}
