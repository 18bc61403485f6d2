using System.Collections.Immutable;
using System.ComponentModel;
using System.Security.Claims;
using Dispatch.Grains.Auth;
using Dispatch.Grains.Incidents;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Problems;
using Dispatch.Silo.Metrics;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dispatch.Silo.Endpoints;

/// <summary><c>/v1/incidents</c>: open a case (idempotent by id or Idempotency-Key), dispatch it, follow its life.</summary>
public static class IncidentEndpoints
{
    public sealed record DispatchRequest(string? ResourceId, string? Mode);

    public sealed record EventRequest(string? Type, DateTimeOffset? At, GeoPoint? Position);

    /// <summary>A page of cases; <see cref="NextCursor"/> continues the listing, null on the last page.</summary>
    public sealed record CaseList(IReadOnlyList<CaseView> Items, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? NextCursor);

    public static IEndpointRouteBuilder MapIncidentEndpoints(this IEndpointRouteBuilder app)
    {
        var incidents = app.MapGroup("/v1/incidents").WithTags("Incidents");
        incidents.MapPost("/", CreateAsync).RequireKey(AuthPolicies.Agent)
            .WithName("createIncident")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Open a case; the body's id or the Idempotency-Key header makes it idempotent; autoDispatch also dispatches.")
            .WithDescription("201 with the case and a Location. The same request again answers the same case; a different request under the same id is a 409. " +
                "With autoDispatch: true whose dispatch cannot go, the case is still opened: 201 with the case plus dispatchProblem and recommendation. " +
                "422 outside the served area.");
        incidents.MapGet("/", ListAsync).RequireKey(AuthPolicies.Reader)
            .WithName("listIncidents")
            .AuditedCustomerReads()
            .WithSummary("Cases by status, a page at a time: ?status=open (comma-separated statuses; 'active' = every status not closed), ?waiting=true, ?escalated=true, ?limit=, ?cursor=.")
            .WithDescription("Without status: every open case and the recently closed ones. Pages of limit cases (default 100, at most 1000); " +
                "nextCursor continues, null on the last page. A filtered page may hold fewer cases than limit, even none, and still continue. " +
                "For a planner key, customer, vin and notes are masked as \"***\".");
        incidents.MapGet("/{id}", GetAsync).RequireKey(AuthPolicies.Reader)
            .WithName("getIncident")
            .AuditedCustomerReads()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The case with its timeline and time to dispatch.");
        incidents.MapPost("/{id}/dispatch", DispatchAsync).RequireKey(AuthPolicies.Agent)
            .WithName("dispatchIncident")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Reserve the unit (default: the current best) and its part; repeating it returns the same assignment.")
            .WithDescription("409 when the unit is no longer free (with a fresh recommendation), or when the case already holds another unit or is closed; " +
                "422 when no unit may serve the incident (with the recommendation that shows why) or the unit asked for cannot.");
        incidents.MapPost("/{id}/events", AddEventAsync).RequireKey(AuthPolicies.Agent)
            .WithName("addIncidentEvent")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("enroute, onscene, towing, completed (consumes the part, frees the unit) or cancelled (releases both).")
            .WithDescription("A case moves forward only, may skip steps once dispatched, can be towing only in tow mode, and can be cancelled until it is closed; anything else is a 409.");
        return app;
    }

    private static async Task<Results<Created<OpenedCase>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        IncidentRequest? request,
        [FromHeader(Name = "Idempotency-Key"), Description("Makes the request idempotent, as the body's id does (give one, or the same in both).")] string? idempotencyKey,
        Dispatchers grains,
        TimeProvider time,
        ClaimsPrincipal user,
        DispatchMetrics metrics)
    {
        var validation = IncidentValidator.Validate(request, time.GetUtcNow());
        var errors = validation.Errors.Select(e => (e.Path, e.Message)).ToList();
        if (idempotencyKey is not null && !IncidentValidator.IsUrlSafeId(idempotencyKey))
        {
            errors.Add(("Idempotency-Key", $"must be 1..{IncidentValidator.MaxIdLength} printable characters, none of {IncidentValidator.UnsafeIdCharacters}"));
        }
        else if (request?.Id is { } bodyId && idempotencyKey is not null && bodyId != idempotencyKey)
        {
            errors.Add(("Idempotency-Key", "differs from the body's id; give one, or the same in both"));
        }

        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        // Outside the served area nothing can be done: say so now rather than open a case that cannot be served.
        var region = await grains.Recommender.RegionOfAsync(validation.Incident!.Location);
        if (region is null)
        {
            return ProblemResults.Unprocessable("The location is outside the served area.");
        }

        if (region.Length == 0)
        {
            return ProblemResults.NoNetwork();
        }

        var id = request!.Id ?? idempotencyKey ?? "inc-" + Guid.NewGuid().ToString("N");
        var result = await grains.Incident(id).CreateAsync(request with { Id = id }, validation.Incident!, request.AutoDispatch ?? false);
        if (request.AutoDispatch == true)
        {
            metrics.RecordDispatch(result.Outcome);
        }

        var location = $"/v1/incidents/{Uri.EscapeDataString(id)}";
        return result switch
        {
            { Outcome: CaseOutcome.Created or CaseOutcome.Ok } => TypedResults.Created(location, OpenedCase.From(Mask(result.Case!, user))),

            // The case is open, but the automatic dispatch could not go: the answer says why.
            { Case: { StatusKind: CaseStatusKind.Open } open, Outcome: CaseOutcome.Unassignable or CaseOutcome.Conflict } when result.Recommendation is not null =>
                TypedResults.Created(location, OpenedCase.From(Mask(open, user), result.Detail, RecommendationAnswer.From(result.Recommendation))),
            _ => ToProblem(result),
        };
    }

    private static async Task<Results<Ok<CaseList>, ValidationProblem>> ListAsync(
        [Description("Comma-separated statuses (open, dispatched, enroute, onscene, towing, completed, cancelled), or active for every status not closed.")] string? status,
        [Description("true: only cases waiting in the queue for a unit to free up; false: only those not waiting.")] string? waiting,
        [Description("true: only cases escalated for not being dispatched within the standard (escalationLevel 1 or more); false: only the others.")] string? escalated,
        [Description("Cases per page: 1..1000, default 100. A filtered page may hold fewer; follow nextCursor until it is null.")] string? limit,
        [Description("The nextCursor of the previous page; absent for the first page.")] string? cursor,
        Dispatchers grains,
        ClaimsPrincipal user)
    {
        var errors = new List<(string, string)>();
        var waitingOnly = ParseFlag("waiting", waiting, errors);
        var escalatedOnly = ParseFlag("escalated", escalated, errors);
        var statuses = ImmutableArray<CaseStatusKind>.Empty;
        if (!string.IsNullOrWhiteSpace(status))
        {
            var asked = status.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var unknown = asked.Where(s => s != "active" && !CaseStatus.TryParse(s, out _)).ToList();
            if (unknown.Count > 0)
            {
                errors.Add(("status", $"unknown status '{unknown[0]}': use {string.Join(", ", CaseStatus.All)} or active"));
            }
            else
            {
                // Parsed once here; the grains and the filter below work on the enum.
                statuses = [.. asked.SelectMany(s => s == "active" ? CaseStatus.Kinds.Where(c => !c.IsTerminal()) : [CaseStatus.KindOf(s)!.Value]).Distinct()];
            }
        }

        var pageSize = DefaultPageSize;
        if (limit is not null && (!int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out pageSize)
            || pageSize is < 1 or > MaxPageSize))
        {
            errors.Add(("limit", $"must be a whole number within 1..{MaxPageSize}"));
        }

        var from = IncidentListPosition.Start;
        if (cursor is not null && !IncidentCursor.TryDecode(cursor, out from))
        {
            errors.Add(("cursor", "is not a cursor this API handed out: pass a page's nextCursor unchanged, or leave it out for the first page"));
        }

        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        // Every filter is checked on each case's own view, a page at a time: the registry's status is only a hint.
        var filters = new List<Func<CaseView, bool>>();
        if (!statuses.IsEmpty)
        {
            filters.Add(c => c.StatusKind is { } kind && statuses.Contains(kind));
        }

        if (waitingOnly is { } waits)
        {
            filters.Add(c => c.Waiting == waits);
        }

        if (escalatedOnly is { } escalatedToo)
        {
            filters.Add(c => (c.EscalationLevel > 0) == escalatedToo);
        }

        var (listed, next) = await grains.ListIncidentsPageAsync(statuses, from, pageSize);
        var cases = await ReadCasesAsync(grains, listed);
        var items = cases.OfType<CaseView>().Where(c => filters.TrueForAll(f => f(c))).Select(c => Mask(c, user)).ToList();
        return TypedResults.Ok(new CaseList(items, next is { } position ? IncidentCursor.Encode(position) : null));
    }

    // A true/false query flag; null when absent. A bad value is one more error of the answer's 400.
    private static bool? ParseFlag(string name, string? value, List<(string, string)> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (bool.TryParse(value, out var flag))
        {
            return flag;
        }

        errors.Add((name, "must be true or false"));
        return null;
    }

    /// <summary>The page size of <c>GET /v1/incidents</c> when none is asked, and the largest one may ask.</summary>
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    // Enough reads in flight to hide the grain-call latency; few enough that one large page cannot crowd out live dispatch.
    private const int ParallelCaseReads = 32;

    // Each case's own view, in listing order (null for a case that is gone).
    private static async Task<CaseView?[]> ReadCasesAsync(Dispatchers grains, ImmutableArray<IncidentListing> listed)
    {
        var views = new CaseView?[listed.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, listed.Length),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelCaseReads },
            async (i, _) => views[i] = await grains.Incident(listed[i].Id).GetAsync());
        return views;
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> GetAsync(string id, Dispatchers grains, ClaimsPrincipal user)
    {
        var found = RequestValidator.IsAddressableId(id) ? await grains.Incident(id).GetAsync() : null;
        return found is null ? ProblemResults.NotFound($"No incident has the id '{RequestValidator.Echo(id)}'.") : TypedResults.Ok(Mask(found, user));
    }

    private static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> DispatchAsync(string id, DispatchRequest? request, Dispatchers grains, ClaimsPrincipal user, DispatchMetrics metrics)
    {
        if (!RequestValidator.IsAddressableId(id))
        {
            return ProblemResults.NotFound($"No incident has the id '{RequestValidator.Echo(id)}'.");
        }

        var errors = RequestValidator.CaseDispatch(request?.ResourceId, request?.Mode);
        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors.Select(e => (e.Path, e.Message)));
        }

        var result = await grains.Incident(id).DispatchAsync(request?.ResourceId, request?.Mode);
        metrics.RecordDispatch(result.Outcome);
        return result.Outcome is CaseOutcome.Ok or CaseOutcome.Created ? TypedResults.Ok(Mask(result.Case!, user)) : ToProblem(result);
    }

    private static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> AddEventAsync(string id, EventRequest? request, Dispatchers grains, ClaimsPrincipal user, DispatchMetrics metrics)
    {
        if (!RequestValidator.IsAddressableId(id))
        {
            return ProblemResults.NotFound($"No incident has the id '{RequestValidator.Echo(id)}'.");
        }

        var errors = RequestValidator.CaseEvent(request?.Type, request?.Position, request?.At, CaseTransitions.EventTypes);
        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors.Select(e => (e.Path, e.Message)));
        }

        // The validator admitted only the names of CaseTransitions.EventTypes, so the name parses.
        var type = CaseStatus.KindOf(request!.Type)!.Value;
        var result = await grains.Incident(id).AddEventAsync(type, request.At?.ToUniversalTime(), request.Position);
        metrics.RecordIncidentEvent(request.Type!, result.Outcome);
        return result.Outcome == CaseOutcome.Ok ? TypedResults.Ok(Mask(result.Case!, user)) : ToProblem(result);
    }

    internal static ProblemHttpResult ToProblem(CaseResult result) => result.Outcome switch
    {
        CaseOutcome.NotFound => ProblemResults.NotFound(result.Detail ?? "not found"),
        CaseOutcome.Conflict => ProblemResults.Conflict(result.Detail ?? "conflict",
            result.Recommendation is null ? null : new { recommendation = RecommendationAnswer.From(result.Recommendation) }),
        CaseOutcome.Unassignable => ProblemResults.Unprocessable(result.Detail ?? "no unit may serve this incident",
            result.Recommendation is null ? null : new { recommendation = RecommendationAnswer.From(result.Recommendation) }),
        CaseOutcome.OutsideServedArea => ProblemResults.Unprocessable(result.Detail ?? "the incident is outside the served area"),
        _ => ProblemResults.Unprocessable(result.Detail ?? "the request cannot be served"),
    };

    // Planners plan; they have no need of who called, how to reach them, their car's VIN or the agent's notes.
    internal static CaseView Mask(CaseView view, ClaimsPrincipal user) =>
        user.IsInRole(ApiRoles.Agent) || user.IsInRole(ApiRoles.Admin)
            ? view
            : view with
            {
                Incident = view.Incident with
                {
                    Customer = view.Incident.Customer is null ? null : new CustomerDocument { Name = Masked, Phone = Masked },
                    Vin = view.Incident.Vin is null ? null : Masked,
                    Notes = view.Incident.Notes is null ? null : Masked,
                },
            };

    private const string Masked = "***";
}
