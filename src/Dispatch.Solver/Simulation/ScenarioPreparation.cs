using System.Diagnostics.CodeAnalysis;
using Dispatch.Solver.Validation;

namespace Dispatch.Solver.Simulation;

/// <summary>The outcome of checking a scenario request: a run ready to go, or every error with its path.</summary>
public sealed class ScenarioPreparation
{
    private ScenarioPreparation(PreparedScenario? scenario, IReadOnlyList<ValidationError> errors)
    {
        Scenario = scenario;
        Errors = errors;
    }

    /// <summary>The run to start; null when the request is invalid.</summary>
    public PreparedScenario? Scenario { get; }

    /// <summary>Empty when the request is valid.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>True when <see cref="Scenario"/> is set and there are no errors.</summary>
    [MemberNotNullWhen(true, nameof(Scenario))]
    public bool IsValid => Scenario is not null;

    /// <summary>A request that passed every check.</summary>
    public static ScenarioPreparation Valid(PreparedScenario scenario) => new(scenario ?? throw new ArgumentNullException(nameof(scenario)), []);

    /// <summary>A rejected request; there must be at least one error.</summary>
    public static ScenarioPreparation Invalid(IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("an invalid outcome needs at least one error", nameof(errors));
        }

        return new ScenarioPreparation(null, errors);
    }
}
