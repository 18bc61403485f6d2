using System.CommandLine;
using Dispatch.Cli.Commands;

namespace Dispatch.Cli.CommandLine;

/// <summary><c>dispatch simulate</c>: one what-if run and its baseline, tables, result.json and charts.</summary>
public static class SimulateCommand
{
    public const string DefaultOut = "./scenario-out";

    public static Command Create(CliConsole console)
    {
        var input = Input();
        var command = new Command("simulate", "Run a what-if scenario and its baseline on the same demand, and compare their KPIs.");
        input.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
            CommandRunner.RunAsync(console, ct => new SimulateRun(console, input.Bind(parseResult)).RunAsync(ct), cancellationToken));
        return command;
    }

    /// <summary>The shared options with simulate's defaults: the baseline follows the contract (same policy as the scenario).</summary>
    public static InputOptions Input() => new(
        DefaultOut,
        defaultBaselinePolicy: null,
        "How the baseline dispatches; default: the same as --policy, as the API does. "
        + "'--baseline-policy closest' is the usual comparison: the scenario's policy against nearest-unit dispatch.");
}
