using Dispatch.Load.Api;
using Dispatch.Load.Cli;
using Dispatch.Load.Operations;
using Dispatch.Load.Reporting;
using Dispatch.Load.Scheduling;
using Dispatch.Load.Workload;

namespace Dispatch.Load.Baseline;

/// <summary>Drives the bare endpoint with the engine run's settings (connections, in-flight cap, timeout, seed):
/// at a saturating rate it gives the generator's own ceiling, at the engine's rate the baseline.</summary>
public sealed class BareRun(LoadOptions options, TimeProvider time)
{
    public async Task<PhaseReport> DriveAsync(Uri bareAddress, double ratePerSecond, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bareAddress);
        using var api = new DispatchApiClient(bareAddress, apiKey: null, options.Connections, options.RequestTimeout, time);
        // An incident-sized body like the engine's, without needing the engine's network.
        var network = new NetworkView([], [], [new Coordinates(36.4, 94.9)], ["255/45R20"]);
        var incidents = new IncidentFactory(network, options.JitterKm);
        var operations = new Dictionary<OperationKind, ILoadOperation> { [OperationKind.Bare] = new BareOperation(incidents, api.PostHead(BareEndpoint.Path)) };
        Arrival Plan(long index) => new(index, OperationKind.Bare, new Random(ArrivalPlanner.DeriveSeed(options.Seed, index)));
        var run = new LoadRun(time, api, operations, Plan, _ => OperationKind.Bare, options.MaxInFlight, options.Connections);
        var result = await run.RunAsync(ratePerSecond, Warmup, Duration, cancellationToken).ConfigureAwait(false);
        return PhaseReportBuilder.Build(result);
    }

    public TimeSpan Duration => options.BaselineDuration ?? TimeSpan.FromSeconds(Math.Min(options.Duration.TotalSeconds, 10));

    public TimeSpan Warmup => TimeSpan.FromSeconds(Math.Min(options.Warmup.TotalSeconds, 2));
}
