using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Simulation;

/// <summary>A checked what-if: both networks, the one call stream they share, and how each is dispatched.</summary>
/// <param name="ScenarioNetwork">The base with the changes applied, normalized for a run.</param>
/// <param name="BaselineNetwork">The base, normalized for a run.</param>
/// <param name="Calls">The calls in the order they are taken (reportedAt, then id).</param>
/// <param name="HorizonStart">Where KPIs over time start: the first call, or the generated span's start.</param>
/// <param name="HorizonEnd">Where they end: the last call, or the generated span's end.</param>
/// <param name="Policy">How the scenario run ranks options (request <c>policy</c>, default coverage).</param>
/// <param name="BaselinePolicy">How the baseline run ranks options (request <c>baselinePolicy</c>, default <paramref name="Policy"/>).</param>
/// <param name="MaxWaitMin">Minutes a call may wait in the queue before it leaves unserved (default 720).</param>
public sealed record PreparedScenario(
    NetworkDocument ScenarioNetwork,
    NetworkDocument BaselineNetwork,
    IReadOnlyList<SimulatedCall> Calls,
    DateTimeOffset HorizonStart,
    DateTimeOffset HorizonEnd,
    RankingPolicy Policy,
    RankingPolicy BaselinePolicy,
    double MaxWaitMin);

/// <summary>One call of a run: its id and the incident as the engine sees it.</summary>
public sealed record SimulatedCall(string Id, Incident Incident);
