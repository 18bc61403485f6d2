using Dispatch.Grains.Auth;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Problems;
using Dispatch.Solver.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Silo.Endpoints;

/// <summary><c>/v1/admin/keys</c>: make (the key is shown once), list and revoke API keys. Admin only.</summary>
public static class AdminKeyEndpoints
{
    public static IEndpointRouteBuilder MapAdminKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/v1/admin/keys")
            .RequireKey(AuthPolicies.Admin)
            .WithTags("Admin");

        keys.MapPost("/", CreateAsync)
            .WithName("createApiKey")
            .Audited("key.create", target: AuditDetails.CreatedKeyId, detail: AuditDetails.CreatedKeyRole)
            .WithSummary("Create an API key; the key is in this answer only.")
            .WithDescription("name: 1..200 characters; role: agent, planner or admin. The key itself is shown in this answer and never again (it is stored as a hash).");
        keys.MapGet("/", ListAsync)
            .WithName("listApiKeys")
            .WithSummary("List API keys (never the keys themselves).");
        keys.MapDelete("/{id}", RevokeAsync)
            .WithName("revokeApiKey")
            .Audited("key.revoke")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Revoke an API key.")
            .WithDescription("A revoked key is refused (401) from then on.");
        return app;
    }

    public sealed record CreateKeyRequest(string? Name, string? Role);

    public sealed record CreatedKey(string Id, string Name, string Role, string Key, DateTimeOffset CreatedAt);

    public sealed record KeySummary(string Id, string Name, string Role, DateTimeOffset CreatedAt);

    public sealed record KeyList(IReadOnlyList<KeySummary> Items);

    private static async Task<Results<Created<CreatedKey>, ValidationProblem>> CreateAsync(CreateKeyRequest? request, ApiKeyService service)
    {
        var errors = RequestValidator.NewApiKey(request?.Name, request?.Role, ApiRoles.All);
        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors.Select(e => (e.Path, e.Message)));
        }

        var (record, key) = await service.CreateAsync(request!.Name!.Trim(), request.Role!);
        return TypedResults.Created(
            $"/v1/admin/keys/{record.Id}",
            new CreatedKey(record.Id, record.Name, record.Role, key, record.CreatedAt));
    }

    private static async Task<Ok<KeyList>> ListAsync(ApiKeyService service)
    {
        var records = await service.ListAsync();
        return TypedResults.Ok(new KeyList([.. records.Select(r => new KeySummary(r.Id, r.Name, r.Role, r.CreatedAt))]));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string id, ApiKeyService service) =>
        await service.RevokeAsync(id)
            ? TypedResults.NoContent()
            : ProblemResults.NotFound($"No API key has the id '{id}'.");
}
