using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Serialization;
using Dispatch.Grains.Auditing;
using Dispatch.Silo.Auth;
using Dispatch.Silo.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dispatch.Silo.Endpoints;

/// <summary><c>GET /v1/audit</c>: the audit log of admin actions and of reads of customer data (docs/privacy-and-audit.md).
/// Admin only.</summary>
public static class AuditEndpoints
{
    /// <summary>The longest range one listing may span.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(366);

    /// <summary>The range when <c>from</c> is not given: this far back from <c>to</c>.</summary>
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(7);

    public sealed record AuditItem(
        string Id,
        DateTimeOffset At,
        string KeyId,
        string Action,
        string Target,
        string? IncidentId,
        string? Detail,
        IReadOnlyList<string>? IncidentIds);

    public sealed record AuditList(
        IReadOnlyList<AuditItem> Items,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? NextCursor);

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/audit", ListAsync)
            .RequireKey(AuthPolicies.Admin)
            .WithTags("Admin")
            .WithName("listAudit")
            .WithSummary("The audit log: admin actions and reads of customer data, oldest first, paged with a cursor.")
            .WithDescription("from/to: ISO-8601 times (default: the 7 days up to now; at most 366 days apart); keyId and incidentId filter. " +
                "limit 1..1000 (default 100). Give nextCursor back as cursor, with the same filters, for the next page; it is null at the end. " +
                "An answer may hold fewer than limit items and still a nextCursor when a sparse filter made it stop early.");
        return app;
    }

    private static async Task<Results<Ok<AuditList>, ValidationProblem>> ListAsync(
        [Description("Oldest time listed (ISO-8601); default: 7 days before to.")] string? from,
        [Description("Latest time listed (ISO-8601); default: now.")] string? to,
        [Description("Only entries by this API key id (or 'system').")] string? keyId,
        [Description("Only entries about this incident (including list reads that showed it).")] string? incidentId,
        [Description("nextCursor of the previous answer.")] string? cursor,
        [Description("Items per answer, 1..1000 (default 100).")] string? limit,
        AuditLog log,
        TimeProvider time)
    {
        var errors = new List<(string, string)>();
        var end = ParseTime(to, "to", errors) ?? time.GetUtcNow();
        var start = ParseTime(from, "from", errors) ?? end - DefaultRange;
        if (start > end)
        {
            errors.Add(("from", "must not be after to"));
        }
        else if (end - start > MaxRange)
        {
            errors.Add(("from", $"from and to may be at most {MaxRange.TotalDays:0} days apart"));
        }

        AuditPosition? after = null;
        if (cursor is not null)
        {
            if (AuditPosition.TryParse(cursor, out var position))
            {
                after = position;
            }
            else
            {
                errors.Add(("cursor", "is not a cursor this listing gave"));
            }
        }

        var size = AuditLog.DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > AuditLog.MaxLimit))
        {
            errors.Add(("limit", $"must be an integer within 1..{AuditLog.MaxLimit}"));
        }

        if (errors.Count > 0)
        {
            return ProblemResults.Validation(errors);
        }

        var slice = await log.QueryAsync(new AuditQuery(start, end, Blank(keyId), Blank(incidentId), after, size));
        return TypedResults.Ok(new AuditList(
            [.. slice.Items.Select(e => new AuditItem(e.Id, e.At, e.KeyId, e.Action, e.Target, e.IncidentId, e.Detail, e.Incidents.IsDefaultOrEmpty ? null : e.Incidents))],
            slice.Next?.ToString()));
    }

    private static DateTimeOffset? ParseTime(string? text, string name, List<(string, string)> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            errors.Add((name, "must be an ISO-8601 time, e.g. 2025-01-15T08:00:00Z"));
            return null;
        }

        // The range arithmetic (a default from of 7 days before to, the walk day by day) must stay inside the calendar.
        var utc = parsed.ToUniversalTime();
        if (utc < EarliestTime || utc > LatestTime)
        {
            errors.Add((name, $"must be within {EarliestTime:yyyy-MM-dd} and {LatestTime:yyyy-MM-dd}"));
            return null;
        }

        return utc;
    }

    private static readonly DateTimeOffset EarliestTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LatestTime = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
