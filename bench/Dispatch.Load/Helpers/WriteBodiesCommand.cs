using System.Text;
using Dispatch.Load.Api;
using Dispatch.Load.Scheduling;
using Dispatch.Load.Workload;

namespace Dispatch.Load.Helpers;

/// <summary><c>--write-bodies FILE</c>: the generator's own recommendation bodies, drawn from the target's network
/// as a run draws them, one JSON a line, so that an outside generator (wrk) posts the same incidents.</summary>
public static class WriteBodiesCommand
{
    public static async Task<int> WriteAsync(DispatchApiClient api, string path, int count, int seed, double jitterKm, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(output);
        var answer = await api.GetNetworkAsync(cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            throw new InvalidOperationException($"GET /v1/network answered {answer.Status}; cannot draw incidents. {answer.Body}");
        }

        var incidents = new IncidentFactory(NetworkViewParser.Parse(answer.Body), jitterKm);
        var lines = Enumerable.Range(0, count)
            .Select(index => Encoding.UTF8.GetString(WireJson.Serialize(incidents.Next(new Random(ArrivalPlanner.DeriveSeed(seed, index)), id: null))));
        await File.WriteAllLinesAsync(path, lines, cancellationToken).ConfigureAwait(false);
        output.WriteLine($"Wrote {count} incident bodies to {path}");
        return 0;
    }
}
