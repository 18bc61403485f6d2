using Dispatch.Load.Api;
using Dispatch.Load.Measurement;
using Dispatch.Load.Scheduling;
using Dispatch.Load.Workload;

namespace Dispatch.Load.Operations;

/// <summary>Moves one dispatched incident of the run a step on: enroute, onscene, towing (tow mode only), completed.</summary>
public sealed class LifecycleEventOperation(RunLedger ledger) : ILoadOperation
{
    public OperationKind Kind => OperationKind.Events;

    public async Task<bool> ExecuteAsync(OperationCall arrival)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        var incident = ledger.CheckOutMoving(arrival.Random);
        if (incident is null)
        {
            return false;
        }

        var state = incident.State;
        var assignment = incident.Assignment;
        if (assignment?.Mode is null)
        {
            // The dispatch answer did not say the mode; the case does, and the next step depends on it.
            var current = await IncidentReads.ReadAsync(arrival, incident.Id).ConfigureAwait(false);
            if (current?.State is not { } observed)
            {
                ledger.Release(incident, state, assignment, uncertain: current is null);
                return true;
            }

            state = observed;
            assignment = current.Assignment ?? assignment;
        }

        var next = LifecycleRules.NextStep(state, assignment?.Mode);
        if (next is null)
        {
            ledger.Release(incident, state, assignment);
            return true;
        }

        var answer = await arrival.SendAsync(RequestKind.Event, (api, ct) => api.PostEventAsync(incident.Id, next.Value.Name(), ct))
            .ConfigureAwait(false);
        if (answer is null)
        {
            ledger.Release(incident, state, assignment, uncertain: true);
        }
        else if (answer.IsSuccess)
        {
            ledger.Release(incident, next.Value, assignment);
        }
        else
        {
            await IncidentReads.ResyncAsync(arrival, ledger, incident, state, assignment).ConfigureAwait(false);
        }

        return true;
    }
}
