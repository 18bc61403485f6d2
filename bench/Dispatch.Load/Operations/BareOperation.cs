using Dispatch.Load.Api;
using Dispatch.Load.Measurement;
using Dispatch.Load.Scheduling;
using Dispatch.Load.Workload;

namespace Dispatch.Load.Operations;

/// <summary>Posts an incident-sized JSON body to the bare baseline endpoint (<paramref name="target"/>: its address, resolved once).</summary>
public sealed class BareOperation(IncidentFactory incidents, Uri target) : ILoadOperation
{
    public OperationKind Kind => OperationKind.Bare;

    public async Task<bool> ExecuteAsync(OperationCall arrival)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        var body = WireJson.Serialize(incidents.Next(arrival.Random, id: null));
        await arrival.SendAsync(RequestKind.Bare, (api, ct) => api.PostAsync(target, body, readBody: false, ct)).ConfigureAwait(false);
        return true;
    }
}
