using System.Collections.Immutable;
using Dispatch.Grains.Centers;
using Dispatch.Solver.Batch.Live;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using BatchSolverSettings = Dispatch.Solver.Batch.BatchSolverSettings;
using SolverObjective = Dispatch.Solver.Batch.BatchObjectiveBreakdown;

namespace Dispatch.Grains.Dispatching;

/// <summary>
/// A surge batch (docs/dispatch-semantics.md "Batch (surge)") solved outside the dispatcher's decision path: the
/// dispatcher hands out a snapshot of its live network in one short turn, the solve runs on the thread pool here,
/// and with commit the answer is reserved through the dispatcher a few assignments per turn, each by the same
/// reservation sequence as a single dispatch. What a center refused (or what was taken since the snapshot) is
/// re-solved on a fresh snapshot.
/// </summary>
public sealed class BatchRun(IDispatcherGrain dispatcher)
{
    public const int DefaultTimeLimitMs = 10_000;

    // Each refusal re-solves what is left; a world that keeps changing under the batch gets this many tries.
    private const int MaxResolves = 8;

    // Reservations per dispatcher turn: each is a center call, and single dispatches wait only for one turn.
    private const int ReservationsPerTurn = 8;

    public async Task<BatchDecision> RunAsync(ImmutableArray<BatchIncident> incidents, bool commit, int? timeLimitMs)
    {
        var settings = new BatchSolverSettings
        {
            TimeLimit = TimeSpan.FromMilliseconds(timeLimitMs is { } ms && ms > 0 ? ms : DefaultTimeLimitMs),
            Workers = BatchSolves.Workers,
        };
        var snapshot = await dispatcher.GetBatchSnapshotAsync([.. incidents.Select(i => i.Id)]);
        if (snapshot.Network is not { } network)
        {
            return new BatchDecision(BatchStatus.NoNetwork, null, commit, [], 0, ["no network has been loaded"]);
        }

        var held = snapshot.AlreadyHeld.ToHashSet(StringComparer.Ordinal);
        var skipped = incidents.Where(i => held.Contains(i.Id))
            .Select(i => new LiveBatchUnassignedIncident(i.Id, BatchGrainReasons.AlreadyDispatched, 0))
            .ToList();
        var pending = incidents.Where(i => !held.Contains(i.Id)).Select(i => (i.Id, i.Incident)).ToList();
        var result = await BatchSolves.SolveAsync(network, pending, settings);
        if (!commit)
        {
            return new BatchDecision(BatchStatus.Solved, WithSkipped(result, skipped, incidents), false, [], 0, []);
        }

        var committed = new List<(LiveBatchAssignment Assigned, Reservation Reservation)>();
        var adopted = new List<Reservation>();
        var notes = new List<string>();
        var resolved = 0;
        while (true)
        {
            var refused = await ReserveInTurnsAsync(result, committed, adopted, notes);
            var reserved = committed.Select(c => c.Assigned.IncidentId).Concat(adopted.Select(a => a.IncidentId)).ToHashSet(StringComparer.Ordinal);
            pending.RemoveAll(p => reserved.Contains(p.Id));
            if (!refused)
            {
                break;
            }

            // The refusal's turn took the center's word, so a fresh snapshot has it.
            network = (await dispatcher.GetBatchSnapshotAsync([])).Network ?? network;
            if (resolved == MaxResolves)
            {
                notes.Add($"gave up after {resolved} re-solves; {pending.Count} incidents left unassigned");
                skipped.AddRange(pending.Select(p => new LiveBatchUnassignedIncident(p.Id, BatchGrainReasons.ReservationRefused, 0)));
                pending.Clear();
                result = await BatchSolves.SolveAsync(network, [], settings);
                break;
            }

            resolved++;
            notes.Add($"re-solved the {pending.Count} incidents not yet reserved");
            result = await BatchSolves.SolveAsync(network, pending, settings);
        }

        // Adopted holds are reported as already dispatched, and returned with the others so that their cases record them.
        skipped.AddRange(adopted.Select(a => new LiveBatchUnassignedIncident(a.IncidentId, BatchGrainReasons.AlreadyDispatched, 0)));
        return new BatchDecision(BatchStatus.Solved, Final(result, committed, skipped, incidents, resolved), true,
            [.. Ordered(committed, incidents).Select(c => c.Reservation), .. adopted], resolved, [.. notes]);
    }

    /// <summary>Reserves the result's assignments in order, a few per dispatcher turn; stops at the first that the
    /// dispatcher could not reserve as planned and says so.</summary>
    private async Task<bool> ReserveInTurnsAsync(LiveBatchResult result, List<(LiveBatchAssignment, Reservation)> committed, List<Reservation> adopted, List<string> notes)
    {
        for (var start = 0; start < result.Assignments.Count; start += ReservationsPerTurn)
        {
            var turn = result.Assignments.Skip(start).Take(ReservationsPerTurn).ToImmutableArray();
            var answer = await dispatcher.ReserveBatchAsync(turn);
            for (var i = 0; i < answer.Reserved.Length; i++)
            {
                committed.Add((turn[i], answer.Reserved[i]));
            }

            if (answer.Stopped is { } why)
            {
                if (answer.Adopted is { } hold)
                {
                    adopted.Add(hold);
                }

                notes.Add(why);
                return true;
            }
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
