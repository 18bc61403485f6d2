using System.Text.Json.Nodes;
using Dispatch.Solver.Simulation;

namespace Dispatch.Cli.Running;

/// <summary>A finished run: the KPIs of both runs, and the whole answer as <c>GET /v1/scenarios/{id}</c> gives it
/// (in-process runs get the same shape) for <c>result.json</c>.</summary>
public sealed record ScenarioRunResult(ScenarioOutcome Outcome, JsonObject Answer);
