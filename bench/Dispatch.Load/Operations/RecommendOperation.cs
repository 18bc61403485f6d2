using Dispatch.Load.Api;
using Dispatch.Load.Measurement;
using Dispatch.Load.Scheduling;
using Dispatch.Load.Workload;

namespace Dispatch.Load.Operations;

/// <summary>Asks for a recommendation for a fresh incident; creates nothing.</summary>
public sealed class RecommendOperation(IncidentFactory incidents) : ILoadOperation
{
    public OperationKind Kind => OperationKind.Recommend;

    public async Task<bool> ExecuteAsync(OperationCall arrival)
    {
        ArgumentNullException.ThrowIfNull(arrival);
        var body = WireJson.Serialize(incidents.Next(arrival.Random, id: null));
        await arrival.SendAsync(RequestKind.Recommend, (api, ct) => api.RecommendAsync(body, ct)).ConfigureAwait(false);
        return true;
    }
}
