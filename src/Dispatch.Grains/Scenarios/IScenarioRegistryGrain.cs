using System.Collections.Immutable;

namespace Dispatch.Grains.Scenarios;

/// <summary>Lists the runs and hands out the slots to run them (<see cref="ScenarioLimits"/>): first queued, first
/// started, unless its key is at its limit. One per cluster (key: the network).</summary>
public interface IScenarioRegistryGrain : IGrainWithStringKey
{
    Task EnqueueAsync(ScenarioSummary run);

    /// <summary>A run's grain tells what it is doing; a final status frees the run's slot.</summary>
    Task ReportAsync(ScenarioSummary run);

    /// <summary>Newest first.</summary>
    Task<ImmutableArray<ScenarioSummary>> ListAsync();

    /// <summary>Wakes the registry, which on activation starts again the runs a stopped silo left unfinished.</summary>
    Task ResumeAsync();
}
