using Dispatch.Load.Measurement;
using Dispatch.Load.Scheduling;
using Dispatch.Load.Workload;

namespace Dispatch.Load.Operations;

/// <summary>Cancels one unfinished incident of the run, dispatched or not; cancelling releases its unit and part.</summary>
public sealed class CancelOperation(RunLedger ledger) : ILoadOperation
{
    public OperationKind Kind => OperationKind.Cancel;

    public async Task<bool> ExecuteAsync(OperationCall arrival)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        var incident = ledger.CheckOutUnfinished(arrival.Random);
        if (incident is null)
        {
            return false;
        }

        var answer = await arrival.SendAsync(
                RequestKind.Cancel,
                (api, ct) => api.PostEventAsync(incident.Id, Lifecycle.Cancelled.Name(), ct))
            .ConfigureAwait(false);
        if (answer is null)
        {
            ledger.Release(incident, incident.State, incident.Assignment, uncertain: true);
        }
        else if (answer.IsSuccess)
        {
            ledger.Release(incident, Lifecycle.Cancelled, incident.Assignment);
        }
        else
        {
            await IncidentReads.ResyncAsync(arrival, ledger, incident, incident.State, incident.Assignment).ConfigureAwait(false);
        }

        return true;
    }
}
