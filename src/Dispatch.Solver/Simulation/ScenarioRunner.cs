using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Network;
using Dispatch.Solver.Validation;

namespace Dispatch.Solver.Simulation;

/// <summary>Checks and runs what-if scenarios: the scenario and its baseline on the same calls.</summary>
public static class ScenarioRunner
{
    /// <summary><c>maxWaitMin</c> when the request gives none: 12 hours in the queue, then a call is unserved.</summary>
    public const double DefaultMaxWaitMin = 720;

    /// <summary>The largest <c>maxWaitMin</c> accepted: one year, in minutes.</summary>
    public const double MaxMaxWaitMin = 525_600;

    /// <summary>Validates the request, applies the changes to a copy of the base, and builds the call stream.</summary>
    /// <param name="request">The body of <c>POST /v1/scenarios</c>.</param>
    /// <param name="liveNetwork">The live network document, used when the request's base is <c>"live"</c>.</param>
    public static ScenarioPreparation Prepare(ScenarioRequest? request, NetworkDocument? liveNetwork)
    {
        var errors = new ValidationErrorSink();
        if (request is null)
        {
            errors.Add("", "the scenario body is required");
            return ScenarioPreparation.Invalid(errors.Errors);
        }

        errors.OptionalText("name", request.Name, 200);
        var policy = ReadPolicy(errors, "policy", request.Policy, RankingPolicy.Coverage);
        var baselinePolicy = ReadPolicy(errors, "baselinePolicy", request.BaselinePolicy, policy);
        var maxWait = request.MaxWaitMin ?? DefaultMaxWaitMin;
        if (errors.CheckNumber("maxWaitMin", maxWait, LowerBound.NonNegative) && maxWait > MaxMaxWaitMin)
        {
            errors.Add("maxWaitMin", $"must be at most {MaxMaxWaitMin} (was {ValidationErrorSink.Format(maxWait)})");
        }

        var baseNetwork = ReadBase(errors, request.Base, liveNetwork);
        if (baseNetwork is null)
        {
            return ScenarioPreparation.Invalid(errors.Errors);
        }

        var scenarioNetwork = ScenarioChangeSet.Apply(baseNetwork, request.Changes, errors);
        if (request.Changes is not null && errors.Errors.Count == 0)
        {
            foreach (var e in NetworkValidator.Validate(scenarioNetwork))
            {
                errors.Add(ScenarioChangeSet.ChangePath(e.Path, baseNetwork, request.Changes), $"after the changes: {e.Message}");
            }
        }

        var calls = DemandReader.Read(errors, request.Demand, CompiledNetwork.Compile(baseNetwork));
        if (errors.Errors.Count > 0 || calls is null)
        {
            return ScenarioPreparation.Invalid(errors.Errors);
        }

        return ScenarioPreparation.Valid(new PreparedScenario(
            scenarioNetwork, baseNetwork, calls.List, calls.HorizonStart, calls.HorizonEnd, policy, baselinePolicy, maxWait));
    }

    /// <summary>Runs the scenario, then the baseline; progress goes from 0 to 1 over both.</summary>
    public static ScenarioOutcome Run(PreparedScenario scenario, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var first = Simulate(scenario.ScenarioNetwork, scenario, scenario.Policy, p => progress?.Report(p / 2), cancellationToken);
        var second = Simulate(scenario.BaselineNetwork, scenario, scenario.BaselinePolicy, p => progress?.Report(0.5 + (p / 2)), cancellationToken);
        return new ScenarioOutcome(first, second);
    }

    /// <summary>One run of a network on the scenario's calls.</summary>
    public static SimulationKpis Simulate(NetworkDocument network, PreparedScenario scenario, RankingPolicy policy, Action<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(scenario);
        return new SimulationRun(network, scenario.Calls, scenario.HorizonStart, scenario.HorizonEnd, policy, scenario.MaxWaitMin)
            .Run(progress, cancellationToken);
    }

    private static NetworkDocument? ReadBase(ValidationErrorSink errors, ScenarioBase? requested, NetworkDocument? liveNetwork)
    {
        if (!errors.Require("base", requested))
        {
            return null;
        }

        if (requested!.IsLive && liveNetwork is null)
        {
            errors.Add("base", "there is no live network to start from");
            return null;
        }

        var normalized = RunNetwork.Normalize(requested.Document ?? liveNetwork!);
        var problems = NetworkValidator.Validate(normalized);
        foreach (var e in problems)
        {
            errors.Add(requested.IsLive ? $"base: {e.Path}" : JsonPathText.Member("base", e.Path), e.Message);
        }

        return problems.Count == 0 ? normalized : null;
    }

    private static RankingPolicy ReadPolicy(ValidationErrorSink errors, string path, string? value, RankingPolicy fallback)
    {
        switch (value)
        {
            case null: return fallback;
            case "coverage": return RankingPolicy.Coverage;
            case "closest": return RankingPolicy.Closest;
            default:
                errors.Add(path, $"must be coverage or closest (was {ValidationErrorSink.Quote(value)})");
                return fallback;
        }
    }
}
