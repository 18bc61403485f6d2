using System.CommandLine;
using Dispatch.Cli.Commands;
using Dispatch.Cli.Sweep;

namespace Dispatch.Cli.CommandLine;

/// <summary><c>dispatch sweep</c>: one parameter over a list of values, on the same demand, against one baseline.</summary>
public static class SweepCommand
{
    public const string DefaultOut = "./sweep-out";

    public static Command Create(CliConsole console)
    {
        var input = Input();
        var parameter = new Option<string>("--param")
        {
            Description = "The parameter to vary: " + string.Join(", ", SweepParameter.SupportedNames) + ".",
            Required = true,
        };
        parameter.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>();
            if (text is not null && SweepParameter.Find(text) is null)
            {
                result.AddError($"--param '{text}' cannot be swept; use one of {string.Join(", ", SweepParameter.SupportedNames)}.");
            }
        });
        var values = new Option<IReadOnlyList<double>>("--values")
        {
            Description = "Comma-separated values, e.g. 0,0.5,1,2,4; one scenario run each.",
            Required = true,
            CustomParser = OptionParsers.ParseValues,
        };

        var command = new Command("sweep", "Vary one network parameter over a list of values and chart the trade-off between response time and late share.");
        input.AddTo(command);
        command.Options.Add(parameter);
        command.Options.Add(values);
        command.SetAction((parseResult, cancellationToken) =>
            CommandRunner.RunAsync(
                console,
                ct => new SweepRun(
                    console,
                    input.Bind(parseResult),
                    SweepParameter.Find(parseResult.GetValue(parameter)!)!,
                    parseResult.GetValue(values)!).RunAsync(ct),
                cancellationToken));
        return command;
    }

    /// <summary>The shared options with sweep's defaults: the baseline dispatches to the closest unit.</summary>
    public static InputOptions Input() => new(
        DefaultOut,
        defaultBaselinePolicy: Policies.Closest,
        "How the baseline (the base network, no override) dispatches; default closest for a sweep, "
        + "so every value is compared with nearest-unit dispatch.");
}
