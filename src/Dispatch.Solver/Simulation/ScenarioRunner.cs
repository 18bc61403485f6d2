using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Simulation;

/// <summary>Checks and runs what-if scenarios: the scenario and its baseline on the same calls.</summary>
public static class ScenarioRunner
{
    /// <summary>Validates the request against the base network (already resolved when the request says "live"),
    /// applies the changes to a copy, and builds the call stream.</summary>
    public static ScenarioPreparation Prepare(ScenarioRequest request, NetworkDocument baseNetwork) =>
        throw new NotImplementedException();

    /// <summary>Runs the scenario, then the baseline; progress goes from 0 to 1 over both.</summary>
    public static ScenarioOutcome Run(PreparedScenario scenario, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();
}
