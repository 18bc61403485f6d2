using System.Collections.Immutable;
using Dispatch.Grains.Centers;
using Dispatch.Solver.Batch.Live;
using Dispatch.Solver.Dispatching;
using BatchSolverSettings = Dispatch.Solver.Batch.BatchSolverSettings;
using SolverObjective = Dispatch.Solver.Batch.BatchObjectiveBreakdown;

namespace Dispatch.Grains.Dispatching;

public sealed partial class DispatcherGrain
{
    public const int DefaultBatchTimeLimitMs = 10_000;

    // Each refusal re-solves what is left; a world that keeps changing under the batch gets this many tries.
    private const int MaxBatchResolves = 8;

    public Task<BatchDecision> DispatchBatchAsync(ImmutableArray<BatchIncident> incidents, bool commit, int? timeLimitMs) =>
        PublishingAsync(() => DispatchBatchCoreAsync(incidents, commit, timeLimitMs));

    private async Task<BatchDecision> DispatchBatchCoreAsync(ImmutableArray<BatchIncident> incidents, bool commit, int? timeLimitMs)
    {
        if (engine is null)
        {
            return new BatchDecision(BatchStatus.NoNetwork, null, commit, [], 0, ["no network has been loaded"]);
        }

        var settings = new BatchSolverSettings
        {
            TimeLimit = TimeSpan.FromMilliseconds(timeLimitMs is { } ms && ms > 0 ? ms : DefaultBatchTimeLimitMs),
            Workers = Math.Clamp(Environment.ProcessorCount, 1, 4),
        };
        var skipped = incidents.Where(i => reservations.ContainsKey(i.Id))
            .Select(i => new LiveBatchUnassignedIncident(i.Id, BatchGrainReasons.AlreadyDispatched, 0))
            .ToList();
        var pending = incidents.Where(i => !reservations.ContainsKey(i.Id)).Select(i => (i.Id, i.Incident)).ToList();
        if (!commit)
        {
            var preview = engine.SolveBatch(pending, settings);
            return new BatchDecision(BatchStatus.Solved, WithSkipped(preview, skipped, incidents), false, [], 0, []);
        }

        var committed = new List<(LiveBatchAssignment Assigned, Reservation Reservation)>();
        var adopted = new List<Reservation>();
        var notes = new List<string>();
        var resolved = 0;
        var result = engine.SolveBatch(pending, settings);
        while (true)
        {
            var refused = await ReserveInOrderAsync(result, committed, adopted, notes);
            var reserved = committed.Select(c => c.Assigned.IncidentId).Concat(adopted.Select(a => a.IncidentId)).ToHashSet(StringComparer.Ordinal);
            pending.RemoveAll(p => reserved.Contains(p.Id));
            if (!refused)
            {
                break;
            }

            if (resolved == MaxBatchResolves)
            {
                notes.Add($"gave up after {resolved} re-solves; {pending.Count} incidents left unassigned");
                skipped.AddRange(pending.Select(p => new LiveBatchUnassignedIncident(p.Id, BatchGrainReasons.ReservationRefused, 0)));
                pending.Clear();
                result = engine.SolveBatch([], settings);
                break;
            }

            resolved++;
            notes.Add($"re-solved the {pending.Count} incidents not yet reserved");
            result = engine.SolveBatch(pending, settings);
        }

        // Adopted holds are reported as already dispatched, and returned with the others so that their cases record them.
        skipped.AddRange(adopted.Select(a => new LiveBatchUnassignedIncident(a.IncidentId, BatchGrainReasons.AlreadyDispatched, 0)));
        return new BatchDecision(BatchStatus.Solved, Final(result, committed, skipped, incidents, resolved), true,
            [.. Ordered(committed, incidents).Select(c => c.Reservation), .. adopted], resolved, [.. notes]);
    }

    /// <summary>Reserves the result's assignments one by one exactly as a single dispatch does; stops at the first
    /// refusal (after taking the center's word for its state) and says so.</summary>
    private async Task<bool> ReserveInOrderAsync(LiveBatchResult result, List<(LiveBatchAssignment, Reservation)> committed, List<Reservation> adopted, List<string> notes)
    {
        foreach (var assigned in result.Assignments)
        {
            var option = assigned.Option;
            var stockBefore = option.Part is { } sku ? engine!.StockOf(option.CenterId, sku) : default;
            Hold(option, stockBefore);
            ReserveOutcome outcome;
            var center = GrainFactory.GetGrain<IServiceCenterGrain>(option.CenterId);
            try
            {
                outcome = await center.ReserveAsync(new ReserveRequest(assigned.IncidentId, option.ResourceId, option.Mode, option.Part, option.EtaMin));
            }
            catch
            {
                // As for a single dispatch: the center may have stored the hold before the call failed.
                var stored = (await center.GetAsync()).Reservations.FirstOrDefault(r => r.IncidentId == assigned.IncidentId);
                if (stored is null)
                {
                    Unhold(option, stockBefore);
                    throw;
                }

                outcome = new ReserveOutcome(stored.ResourceId == option.ResourceId ? ReserveStatus.Reserved : ReserveStatus.IncidentHoldsOther, stored);
                await ResyncCenterAsync(option.CenterId);
            }

            if (outcome.Status == ReserveStatus.Reserved)
            {
                reservations[assigned.IncidentId] = outcome.Reservation!;
                committed.Add((assigned, outcome.Reservation!));
                continue;
            }

            if (outcome.Status == ReserveStatus.IncidentHoldsOther)
            {
                // An earlier attempt whose answer was lost holds another unit: that hold is the incident's assignment,
                // and the plan for the others is re-solved around it.
                Unhold(option, stockBefore);
                reservations[assigned.IncidentId] = outcome.Reservation!;
                adopted.Add(outcome.Reservation!);
                await ResyncCenterAsync(option.CenterId);
                notes.Add($"incident '{assigned.IncidentId}' already held resource '{outcome.Reservation!.ResourceId}'; kept it");
                return true;
            }

            Unhold(option, stockBefore);
            await ResyncCenterAsync(option.CenterId);
            notes.Add($"resource '{option.ResourceId}' could not be reserved for incident '{assigned.IncidentId}': {outcome.Status}");
            return true;
        }

        return false;
    }

    private static LiveBatchResult WithSkipped(LiveBatchResult result, List<LiveBatchUnassignedIncident> skipped, ImmutableArray<BatchIncident> incidents) =>
        skipped.Count == 0 ? result : result with { Unassigned = Ordered([.. result.Unassigned, .. skipped], u => u.IncidentId, incidents) };

    /// <summary>The committed assignments with what the last solve left unassigned. Without a re-solve this is the
    /// last solve itself; after one, the weighted costs are those each assignment was chosen at.</summary>
    private static LiveBatchResult Final(LiveBatchResult last, List<(LiveBatchAssignment Assigned, Reservation Reservation)> committed,
        List<LiveBatchUnassignedIncident> skipped, ImmutableArray<BatchIncident> incidents, int resolved)
    {
        var assignments = Ordered(committed, incidents).Select(c => c.Assigned).ToList();
        var unassigned = Ordered([.. last.Unassigned, .. skipped], u => u.IncidentId, incidents);
        if (resolved == 0)
        {
            return last with { Assignments = assignments, Unassigned = unassigned };
        }

        var terms = new SolverObjective(
            assignments.Sum(a => a.WeightedCost),
            last.Breakdown.LostDemandWeight,
            last.Breakdown.CoveragePenalty,
            unassigned.Sum(u => u.Penalty));
        return last with
        {
            Assignments = assignments,
            Unassigned = unassigned,
            Objective = terms.Total,
            Breakdown = terms,
            Optimal = false,
            Gap = null,
            BestBound = null,
        };
    }

    private static List<(LiveBatchAssignment Assigned, Reservation Reservation)> Ordered(
        List<(LiveBatchAssignment Assigned, Reservation Reservation)> committed, ImmutableArray<BatchIncident> incidents) =>
        Ordered(committed, c => c.Assigned.IncidentId, incidents);

    private static List<T> Ordered<T>(IEnumerable<T> items, Func<T, string> idOf, ImmutableArray<BatchIncident> incidents)
    {
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < incidents.Length; i++)
        {
            position.TryAdd(incidents[i].Id, i);
        }

        return [.. items.OrderBy(item => position.GetValueOrDefault(idOf(item), int.MaxValue))];
    }
}
