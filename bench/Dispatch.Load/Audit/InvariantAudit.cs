using Dispatch.Load.Api;
using Dispatch.Load.Workload;

namespace Dispatch.Load.Audit;

/// <summary>Checks the guarantees of docs/architecture.md "Grains" against what the API shows after a run.</summary>
/// <remarks>
/// Pure: it only compares snapshots. The invariants: every incident that got a 201 is readable with a definite
/// state no earlier than the run was told; no unit is held by two open cases, and units held are exactly those
/// marked assigned; each part's reserved count equals the open cases holding it and never exceeds on hand; on hand
/// moved only by accepted stock changes and by completed cases, each consuming its part once.
/// </remarks>
public static class InvariantAudit
{
    public static AuditResult Check(AuditInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var violations = new List<AuditViolation>();
        var notes = new List<string>();

        CheckRunIncidents(input, violations);
        var holding = HoldingCases(input.Cases.Values, violations);
        CheckResources(input.End, holding, violations);
        var reservedChecked = CheckReservations(input.End, holding, violations);
        var (stockChecked, consumed) = CheckConsumption(input, violations, notes);

        var runCases = input.Tracked.Select(t => input.Cases.GetValueOrDefault(t.Id)).OfType<IncidentCase>().ToList();
        var figures = new AuditFigures(
            IncidentsCreated: input.Tracked.Count(t => t.Acknowledged),
            IncidentsRead: runCases.Count,
            HoldingAssignment: holding.Count,
            Completed: runCases.Count(c => c.State == Lifecycle.Completed),
            Cancelled: runCases.Count(c => c.State == Lifecycle.Cancelled),
            StillOpenUndispatched: runCases.Count(c => c.State == Lifecycle.Open),
            PartsReservedChecked: reservedChecked,
            StockKeysChecked: stockChecked,
            PartsConsumed: consumed,
            AcceptedStockDelta: input.StockDeltas.Values.Sum());
        return new AuditResult(violations, notes, figures);
    }

    private static void CheckRunIncidents(AuditInput input, List<AuditViolation> violations)
    {
        foreach (var tracked in input.Tracked)
        {
            if (!input.Cases.TryGetValue(tracked.Id, out var found))
            {
                if (!tracked.Acknowledged)
                {
                    continue; // its create never answered and it does not exist: nothing was promised
                }

                var status = input.ReadFailures.GetValueOrDefault(tracked.Id, 404);
                violations.Add(status == 404
                    ? new(AuditCodes.LostIncident, tracked.Id, "created (201) but now 404")
                    : new(AuditCodes.UnreadableIncident, tracked.Id, $"created (201) but reading it answered {Describe(status)}"));
                continue;
            }

            if (found.State is not { } observed)
            {
                violations.Add(new(AuditCodes.IndefiniteState, tracked.Id, $"status '{found.Status ?? "(none)"}' is not one of open, dispatched, enroute, onscene, towing, completed, cancelled"));
                continue;
            }

            if (!tracked.Acknowledged)
            {
                continue;
            }

            if (!LifecycleRules.CanHaveReached(tracked.State, observed))
            {
                violations.Add(new(AuditCodes.StateWentBack, tracked.Id, $"the run was told '{tracked.State.Name()}' but the case says '{observed.Name()}'"));
            }

            if (tracked.Assignment is { } told && found.Assignment is { } seen && observed != Lifecycle.Cancelled
                && !string.Equals(told.ResourceId, seen.ResourceId, StringComparison.Ordinal))
            {
                violations.Add(new(AuditCodes.AssignmentChanged, tracked.Id, $"dispatched to {told.ResourceId} but the case now names {seen.ResourceId}"));
            }
        }
    }

    /// <summary>The cases that hold a unit and maybe a part: dispatched and not yet completed or cancelled.</summary>
    private static List<IncidentCase> HoldingCases(IEnumerable<IncidentCase> cases, List<AuditViolation> violations)
    {
        var holding = new List<IncidentCase>();
        foreach (var item in cases.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            if (item.State is not { } state || !state.HoldsAssignment())
            {
                continue;
            }

            if (item.Assignment is null)
            {
                violations.Add(new(AuditCodes.HoldingWithoutAssignment, item.Id, $"status '{item.Status}' but no assignment"));
                continue;
            }

            holding.Add(item);
        }

        return holding;
    }

    private static void CheckResources(NetworkView end, List<IncidentCase> holding, List<AuditViolation> violations)
    {
        var resources = end.Centers.SelectMany(c => c.Resources).GroupBy(r => r.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var holders = holding.GroupBy(c => c.Assignment!.ResourceId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToList(), StringComparer.Ordinal);

        foreach (var (resourceId, incidents) in holders.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            if (incidents.Count > 1)
            {
                violations.Add(new(AuditCodes.DoubleBooked, resourceId, $"held by {incidents.Count} open incidents: {string.Join(", ", incidents)}"));
            }

            if (!resources.TryGetValue(resourceId, out var resource))
            {
                violations.Add(new(AuditCodes.UnknownResource, resourceId, $"held by {incidents[0]} but not in the network"));
            }
            else if (!string.Equals(resource.Status, "assigned", StringComparison.Ordinal))
            {
                violations.Add(new(AuditCodes.HeldResourceNotAssigned, resourceId, $"held by {incidents[0]} but its status is '{resource.Status}'"));
            }
        }

        foreach (var resource in resources.Values.Where(r => r.Status == "assigned" && !holders.ContainsKey(r.Id)).OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            violations.Add(new(AuditCodes.AssignedWithoutIncident, resource.Id, "status 'assigned' but no open incident holds it"));
        }
    }

    private static int CheckReservations(NetworkView end, List<IncidentCase> holding, List<AuditViolation> violations)
    {
        var held = holding.Where(c => c.Assignment!.Part is not null)
            .GroupBy(c => new StockKey(c.Assignment!.CenterId, c.Assignment.Part!))
            .ToDictionary(g => g.Key, g => (long)g.Count());
        var levels = end.StockLevels();
        var keys = levels.Keys.Union(held.Keys).OrderBy(k => k.CenterId, StringComparer.Ordinal).ThenBy(k => k.Sku, StringComparer.Ordinal);
        var checkedKeys = 0;
        foreach (var key in keys)
        {
            checkedKeys++;
            var level = levels.GetValueOrDefault(key);
            var expected = held.GetValueOrDefault(key);
            if (level.OnHand < 0 || level.Reserved < 0)
            {
                violations.Add(new(AuditCodes.NegativeStock, key.ToString(), $"onHand {level.OnHand}, reserved {level.Reserved}"));
            }

            if (level.Reserved != expected)
            {
                violations.Add(new(AuditCodes.ReservedMismatch, key.ToString(), $"reserved {level.Reserved} but {expected} open incident(s) hold this part here"));
            }

            if (level.Reserved > level.OnHand)
            {
                violations.Add(new(AuditCodes.ReservedExceedsOnHand, key.ToString(), $"reserved {level.Reserved} > onHand {level.OnHand}"));
            }
        }

        return checkedKeys;
    }

    /// <summary>onHand(end) = onHand(start) + accepted stock changes - parts of the run's completed incidents.</summary>
    private static (int Checked, long Consumed) CheckConsumption(AuditInput input, List<AuditViolation> violations, List<string> notes)
    {
        var consumed = input.Tracked
            .Select(t => input.Cases.GetValueOrDefault(t.Id))
            .Where(c => c?.State == Lifecycle.Completed && c.Assignment?.Part is not null)
            .GroupBy(c => new StockKey(c!.Assignment!.CenterId, c.Assignment.Part!))
            .ToDictionary(g => g.Key, g => (long)g.Count());
        var end = input.End.StockLevels();
        var keys = input.StartStock.Keys.Union(end.Keys).Union(input.StockDeltas.Keys).Union(consumed.Keys)
            .OrderBy(k => k.CenterId, StringComparer.Ordinal).ThenBy(k => k.Sku, StringComparer.Ordinal);
        var checkedKeys = 0;
        foreach (var key in keys)
        {
            var start = input.StartStock.GetValueOrDefault(key).OnHand;
            var delta = input.StockDeltas.GetValueOrDefault(key);
            var used = consumed.GetValueOrDefault(key);
            var actual = end.GetValueOrDefault(key).OnHand;
            if (input.UncertainStock.Contains(key))
            {
                notes.Add($"{key}: a stock change got no answer, so onHand cannot be checked here (start {start}, end {actual})");
                continue;
            }

            checkedKeys++;
            var expected = start + delta - used;
            if (actual != expected)
            {
                violations.Add(new(AuditCodes.OnHandDrift, key.ToString(),
                    $"onHand {actual}, expected {expected} = start {start} + accepted changes {delta} - completed incidents with this part {used}"));
            }
        }

        return (checkedKeys, consumed.Values.Sum());
    }

    private static string Describe(int status) => status == 0 ? "no answer" : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
