using Dispatch.Load.Api;
using Dispatch.Load.Measurement;
using Dispatch.Load.Scheduling;
using Dispatch.Load.Workload;

namespace Dispatch.Load.Operations;

/// <summary>Posts an incident-sized JSON body to the bare baseline endpoint (<paramref name="head"/>: its POST head).</summary>
public sealed class BareOperation(IncidentFactory incidents, RequestHead head) : ILoadOperation
{
    public OperationKind Kind => OperationKind.Bare;

    public async Task<bool> ExecuteAsync(OperationCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var body = WireJson.Serialize(incidents.Next(call.Random, id: null));
        await call.SendAsync(RequestKind.Bare, (api, ct) => api.PostAsync(head, body, readBody: false, ct)).ConfigureAwait(false);
        return true;
    }
}
