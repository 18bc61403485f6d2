using System.Globalization;
using Dispatch.Cli.Charts;
using Dispatch.Cli.Input;
using Dispatch.Cli.Output;
using Dispatch.Cli.Running;
using Dispatch.Cli.Sweep;
using Dispatch.Solver.Documents;
using Spectre.Console;

namespace Dispatch.Cli.Commands;

/// <summary>What <c>sweep</c> does: one scenario run per value (base + changes + the parameter set to the value, with
/// --policy), all on the same demand, each against the same baseline (the base with --baseline-policy).</summary>
public sealed class SweepRun(CliConsole console, RunInput input, SweepParameter parameter, IReadOnlyList<double> values)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var request = ScenarioRequestFactory.Create(input);
        using var backend = BackendFactory.Open(input.Source);
        var labels = RunLabels.For(input);
        console.Out.MarkupLine(Markup.Escape(
            $"Sweeping {parameter.Name} over {string.Join(", ", values.Select(Label))} on {backend.Description}: {Demand.Describe(input)}; {labels.Scenario} against {labels.Baseline}."));

        var requests = values.Select(v => ForValue(request, v)).ToList();
        var results = await ProgressDisplay.RunAsync(
            console.Out,
            values.Select(v => $"{parameter.ShortName} = {Label(v)}").ToList(),
            (i, progress) => backend.RunAsync(requests[i], progress, cancellationToken)).ConfigureAwait(false);

        // Every run's baseline is the same base, policy and demand, hence the same KPIs: the first one stands for all.
        var sweep = new SweepResult(
            parameter.Name,
            input.Policy,
            input.BaselinePolicy ?? input.Policy,
            SweepRow.From(null, labels.Baseline, results[0].Outcome.Baseline),
            values.Select((v, i) => SweepRow.From(v, Label(v), results[i].Outcome.Scenario)).ToList());

        console.Out.Write(SweepTable.Build(sweep));
        var files = new List<string>(SweepFiles.Write(sweep, input.OutDirectory));
        files.AddRange(TradeoffChart.Save(sweep, input.OutDirectory));
        OutputList.Show(console.Out, input.OutDirectory, files);
        return ExitCodes.Ok;
    }

    private ScenarioRequest ForValue(ScenarioRequest request, double value)
    {
        var changes = request.Changes ?? new ScenarioChanges();
        return request with
        {
            Name = $"{input.Name ?? "sweep"} {parameter.ShortName}={Label(value)}",
            Changes = changes with { Parameters = parameter.Apply(changes.Parameters, value) },
        };
    }

    private static string Label(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
