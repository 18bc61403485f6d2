using System.Globalization;
using Dispatch.Load.Api;
using Dispatch.Load.Measurement;
using Dispatch.Load.Scheduling;
using Dispatch.Load.Workload;

namespace Dispatch.Load.Operations;

/// <summary>Opens a case with <c>autoDispatch</c> (the case and its hold committed before the 201) and cancels it
/// again, so that units stay free and every arrival measures a dispatch rather than an exhausted network.</summary>
public sealed class AutoDispatchOperation(IncidentFactory incidents, RunLedger ledger, string idPrefix) : ILoadOperation
{
    public OperationKind Kind => OperationKind.AutoDispatch;

    public async Task<bool> ExecuteAsync(OperationCall arrival)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        var id = idPrefix + "-" + arrival.Index.ToString(CultureInfo.InvariantCulture);
        var body = WireJson.Serialize(incidents.Next(arrival.Random, id) with { AutoDispatch = true });
        if (await IncidentReads.CreateAsync(arrival, ledger, RequestKind.CreateAutoDispatch, id, body).ConfigureAwait(false) is not var (created, incident))
        {
            return true;
        }

        Assignment? assignment;
        using (var document = created.TryParse())
        {
            assignment = document is null ? null : CaseReader.ReadAssignment(document.RootElement);
        }

        var cancelled = await arrival.SendAsync(RequestKind.Cancel, (api, ct) => api.PostEventAsync(id, Lifecycle.Cancelled.Name(), ct)).ConfigureAwait(false);
        if (cancelled is null)
        {
            ledger.Release(incident, Lifecycle.Dispatched, assignment, uncertain: true);
        }
        else if (cancelled.IsSuccess)
        {
            ledger.Release(incident, Lifecycle.Cancelled, assignment);
        }
        else
        {
            await IncidentReads.ResyncAsync(arrival, ledger, incident, assignment is null ? Lifecycle.Open : Lifecycle.Dispatched, assignment).ConfigureAwait(false);
        }

        return true;
    }
}
