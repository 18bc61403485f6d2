using System.Diagnostics.Metrics;

namespace Dispatch.Grains.Scenarios;

/// <summary>Scenario runs by how they ended, on the host's <c>Dispatch</c> meter (exported at <c>/metrics</c>). The
/// label is one of the final statuses: never an id or a name.</summary>
public sealed class ScenarioMetrics
{
    /// <summary>The meter the host exports; the factory hands every caller of a name the same meter.</summary>
    public const string MeterName = "Dispatch";

    private readonly Counter<long> runs;

    public ScenarioMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        runs = meterFactory.Create(MeterName).CreateCounter<long>(
            "dispatch.scenario.runs", "{run}", "What-if runs that ended, by outcome (completed, failed, cancelled).");
    }

    public void RecordRun(string status) =>
        runs.Add(1, new KeyValuePair<string, object?>("outcome", ScenarioStatus.IsTerminal(status) ? status : "other"));
}
