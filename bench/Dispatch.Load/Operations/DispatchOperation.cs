using System.Globalization;
using Dispatch.Load.Api;
using Dispatch.Load.Measurement;
using Dispatch.Load.Scheduling;
using Dispatch.Load.Workload;

namespace Dispatch.Load.Operations;

/// <summary>Creates an incident with its own id (so a retry is idempotent) and dispatches the current best option.</summary>
public sealed class DispatchOperation(IncidentFactory incidents, RunLedger ledger, string idPrefix) : ILoadOperation
{
    public OperationKind Kind => OperationKind.Dispatch;

    public string IdFor(long index) => idPrefix + "-" + index.ToString(CultureInfo.InvariantCulture);

    public async Task<bool> ExecuteAsync(OperationCall arrival)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        var id = IdFor(arrival.Index);
        var body = WireJson.Serialize(incidents.Next(arrival.Random, id));
        if (await IncidentReads.CreateAsync(arrival, ledger, RequestKind.CreateIncident, id, body).ConfigureAwait(false) is not { Incident: var incident })
        {
            return true;
        }

        var dispatched = await arrival.SendAsync(RequestKind.Dispatch, (api, ct) => api.DispatchAsync(id, ct)).ConfigureAwait(false);
        if (dispatched is null)
        {
            ledger.Release(incident, Lifecycle.Open, assignment: null, uncertain: true);
        }
        else if (dispatched.IsSuccess)
        {
            using var document = dispatched.TryParse();
            var assignment = document is null ? null : CaseReader.ReadAssignment(document.RootElement);
            ledger.Release(incident, Lifecycle.Dispatched, assignment);
        }
        else
        {
            // 409/422: nothing could go; the case stays open (and may be cancelled later).
            ledger.Release(incident, Lifecycle.Open, assignment: null);
        }

        return true;
    }
}
