using System.Collections.Immutable;
using Dispatch.Grains.Centers;
using Dispatch.Solver.Batch.Live;

namespace Dispatch.Grains.Dispatching;

/// <summary>The dispatcher's part of a batch: two kinds of short turns. The solve itself runs elsewhere
/// (<see cref="BatchRun"/>), so single dispatches never wait behind it.</summary>
public sealed partial class DispatcherGrain
{
    public Task<BatchSnapshot> GetBatchSnapshotAsync(ImmutableArray<string> incidentIds) => ExclusiveAsync(() => GetBatchSnapshotCoreAsync(incidentIds));

    private async Task<BatchSnapshot> GetBatchSnapshotCoreAsync(ImmutableArray<string> incidentIds)
    {
        await SettleAsync();
        return engine is null
            ? new BatchSnapshot(null, [])
            : new BatchSnapshot(engine.ToDocument(), [.. incidentIds.Where(reservations.ContainsKey)]);
    }

    public Task<BatchReservations> ReserveBatchAsync(ImmutableArray<LiveBatchAssignment> assignments) =>
        PublishingAsync(() => ReserveBatchCoreAsync(assignments));

    private async Task<BatchReservations> ReserveBatchCoreAsync(ImmutableArray<LiveBatchAssignment> assignments)
    {
        await SettleAsync();
        if (engine is null)
        {
            throw new InvalidOperationException("no network has been loaded");
        }

        var reserved = ImmutableArray.CreateBuilder<Reservation>(assignments.Length);
        Reservation? adopted = null;
        string? stopped = null;
        foreach (var assigned in assignments)
        {
            var option = assigned.Option;
            var outcome = await ReserveAsync(assigned.IncidentId, option);
            if (outcome.Result == ReservationResult.Reserved)
            {
                reserved.Add(outcome.Reservation!);
                continue;
            }

            // The plan for the others is re-solved around what stopped it.
            if (outcome.Result == ReservationResult.Adopted)
            {
                adopted = outcome.Reservation!;
                stopped = $"incident '{assigned.IncidentId}' already held resource '{adopted.ResourceId}'; kept it";
            }
            else
            {
                stopped = $"resource '{option.ResourceId}' could not be reserved for incident '{assigned.IncidentId}': {outcome.Refusal}";
            }

            break;
        }

        // A waiting case that the batch served leaves the queue, all in one write.
        await LeaveQueueAsync([.. reserved.Select(r => r.IncidentId)]);

        return new BatchReservations(reserved.ToImmutable(), adopted, stopped);
    }
}
