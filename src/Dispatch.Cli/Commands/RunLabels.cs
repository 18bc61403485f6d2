using Dispatch.Cli.Input;

namespace Dispatch.Cli.Commands;

/// <summary>How tables and charts name the two runs: by their policy, which is what a planner compares.</summary>
public sealed record RunLabels(string Scenario, string Baseline)
{
    public static RunLabels For(RunInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        // No --baseline-policy means the contract's default: the scenario's policy.
        return new RunLabels($"scenario ({input.Policy})", $"baseline ({input.BaselinePolicy ?? input.Policy})");
    }
}
