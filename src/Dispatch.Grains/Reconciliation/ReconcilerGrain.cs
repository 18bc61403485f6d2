using System.Collections.Immutable;
using Dispatch.Grains.Centers;
using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Incidents;
using Dispatch.Solver.Documents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dispatch.Grains.Reconciliation;

/// <summary>
/// Compares what the centers hold with what the cases record and repairs the difference a crash can leave: a silo
/// that dies between the center's hold and the case's write leaves a hold no case records; one that dies between
/// ending a hold and closing the case is repaired by the case's own retry, and the opposite order cannot happen.
/// </summary>
/// <remarks>
/// Reads come in a fixed order: every center first, then each case. A case's read waits for any turn of that case in
/// progress (grains take one call at a time), and a case changes its holds only within its own turns, so a case read
/// after its center agrees with it unless something really is missing. Repairs go through the dispatcher, which
/// checks the hold again as one of its turns. Holds and assignments younger than <see cref="ReconcilerOptions.Grace"/>
/// are left alone: they may belong to a dispatch still in flight.
/// </remarks>
public sealed class ReconcilerGrain(
    TimeProvider time,
    IOptions<ReconcilerOptions> options,
    ReconcilerMetrics metrics,
    ILogger<ReconcilerGrain> logger) : Grain, IReconcilerGrain
{
    private static readonly ImmutableArray<CaseStatusKind> ActiveStatuses =
        [CaseStatusKind.Dispatched, CaseStatusKind.Enroute, CaseStatusKind.OnScene, CaseStatusKind.Towing];

    private readonly TimeSpan grace = options.Value.Grace;
    private readonly TimeSpan period = options.Value.Period;
    private ReconcileReport last = ReconcileReport.Empty;
    private DateTimeOffset? lastFinished;

    private string NetworkKey => this.GetPrimaryKeyString();

    private IDispatcherGrain Dispatcher => GrainFactory.GetGrain<IDispatcherGrain>(NetworkKey);

    public Task<ReconcileReport> RunIfDueAsync() =>
        lastFinished is { } finished && time.GetUtcNow() - finished < period / 2 ? Task.FromResult(last) : RunAsync();

    public async Task<ReconcileReport> RunAsync()
    {
        var network = await Dispatcher.GetNetworkAsync();
        if (network?.Centers is not { } centers)
        {
            return ReconcileReport.Empty;
        }

        var pass = new Pass(time.GetUtcNow() - grace);
        var snapshots = await Task.WhenAll(centers.Select(c => GrainFactory.GetGrain<IServiceCenterGrain>(c.Id!).GetAsync()));
        var holds = snapshots.SelectMany(s => s.Reservations).ToList();
        foreach (var hold in holds)
        {
            await CheckHoldAsync(hold, pass);
        }

        await CheckAssignmentsAsync(holds, pass);
        last = pass.Report(holds.Count);
        lastFinished = time.GetUtcNow();
        return last;
    }

    private async Task CheckHoldAsync(Reservation hold, Pass pass)
    {
        if (hold.ReservedAt > pass.Cutoff)
        {
            pass.TooYoung++;
            return;
        }

        var view = await GrainFactory.GetGrain<IIncidentGrain>(hold.IncidentId).GetAsync();
        if (view is null)
        {
            await EndAsync(FixKinds.OrphanHold, hold, null, pass);
            return;
        }

        switch (view.StatusKind)
        {
            case CaseStatusKind.Completed:
                var completed = view.Timeline.LastOrDefault(e => e.Type == CaseStatus.Completed);
                await EndAsync(FixKinds.ClosedCaseHold, hold, completed?.Position ?? view.Incident.Location, pass);
                return;
            case CaseStatusKind.Cancelled:
                await EndAsync(FixKinds.ClosedCaseHold, hold, null, pass);
                return;
        }

        if (view.Assignment is { } assigned)
        {
            if (assigned.CenterId != hold.CenterId || assigned.ResourceId != hold.ResourceId)
            {
                await EndAsync(FixKinds.OtherUnitHold, hold, null, pass);
            }

            return;
        }

        if (view.StatusKind == CaseStatusKind.Open)
        {
            // What the client's retry of the dispatch would do: the dispatcher answers with the hold it has.
            var recorded = await GrainFactory.GetGrain<IIncidentGrain>(hold.IncidentId).RecordDispatchAsync(hold);
            if (recorded.Outcome == CaseOutcome.Ok)
            {
                Fixed(FixKinds.UnrecordedHold, hold, pass);
            }
        }
    }

    private async Task EndAsync(string kind, Reservation hold, GeoPoint? jobEnd, Pass pass)
    {
        if (await Dispatcher.EndStrayHoldAsync(hold, jobEnd))
        {
            Fixed(kind, hold, pass);
        }
    }

    private async Task CheckAssignmentsAsync(List<Reservation> holds, Pass pass)
    {
        var held = holds.Select(h => (h.IncidentId, h.CenterId, h.ResourceId)).ToHashSet();
        var active = await IncidentRegistry.ListAsync(GrainFactory, NetworkKey, ActiveStatuses);
        foreach (var listing in active)
        {
            var view = await GrainFactory.GetGrain<IIncidentGrain>(listing.Id).GetAsync();
            if (view?.Assignment is not { } a || view.StatusKind is not { } status || !ActiveStatuses.Contains(status))
            {
                continue;
            }

            pass.CasesChecked++;
            if (held.Contains((view.Id, a.CenterId, a.ResourceId)))
            {
                continue;
            }

            if (a.DispatchedAt > pass.Cutoff)
            {
                pass.TooYoung++;
                continue;
            }

            var recorded = new Reservation(view.Id, a.CenterId, a.ResourceId, a.Mode, a.Part, a.DispatchedAt, a.EtaMin);
            if (await Dispatcher.RestoreHoldAsync(recorded))
            {
                Fixed(FixKinds.UnheldAssignment, recorded, pass);
            }
            else
            {
                pass.Unresolved++;
                logger.Unresolved(view.Id, a.ResourceId, a.CenterId);
            }
        }
    }

    private void Fixed(string kind, Reservation hold, Pass pass)
    {
        pass.Fixes[kind] = pass.Fixes.GetValueOrDefault(kind) + 1;
        metrics.RecordFix(kind);
        logger.Repaired(kind, hold.IncidentId, hold.ResourceId, hold.CenterId);
    }

    private sealed class Pass(DateTimeOffset cutoff)
    {
        /// <summary>Holds and assignments made after this are left alone.</summary>
        public DateTimeOffset Cutoff { get; } = cutoff;

        public Dictionary<string, int> Fixes { get; } = new(StringComparer.Ordinal);

        public int CasesChecked { get; set; }

        public int TooYoung { get; set; }

        public int Unresolved { get; set; }

        public ReconcileReport Report(int holdsChecked) =>
            new(Fixes.ToImmutableDictionary(StringComparer.Ordinal), holdsChecked, CasesChecked, TooYoung, Unresolved);
    }
}
