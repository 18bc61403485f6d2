using Dispatch.Cli.Charts;
using Dispatch.Cli.Input;
using Dispatch.Cli.Output;
using Dispatch.Cli.Running;
using Spectre.Console;

namespace Dispatch.Cli.Commands;

/// <summary>What <c>simulate</c> does once its options are read: run, show the tables, write result.json and the charts.</summary>
public sealed class SimulateRun(CliConsole console, RunInput input)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var request = ScenarioRequestFactory.Create(input);
        using var backend = BackendFactory.Open(input.Source);
        var labels = RunLabels.For(input);
        console.Out.MarkupLine(Markup.Escape($"Simulating on {backend.Description}: {Demand.Describe(input)}; {labels.Scenario} against {labels.Baseline}."));

        var results = await ProgressDisplay.RunAsync(
            console.Out,
            [input.Name ?? "scenario and baseline"],
            (_, progress) => backend.RunAsync(request, progress, cancellationToken)).ConfigureAwait(false);
        var result = results[0];

        console.Out.Write(KpiTables.Summary(result.Outcome, labels.Scenario, labels.Baseline));
        console.Out.Write(KpiTables.Regions(result.Outcome, labels.Scenario, labels.Baseline));

        var files = new List<string> { ResultFile.Write(result, input.OutDirectory) };
        files.AddRange(ResponseTimeChart.Save(result.Outcome, input.OutDirectory, labels.Scenario, labels.Baseline));
        files.AddRange(WithinStandardChart.Save(result.Outcome, input.OutDirectory, labels.Scenario, labels.Baseline));
        files.AddRange(CoverageChart.Save(result.Outcome, input.OutDirectory, labels.Scenario, labels.Baseline));
        OutputList.Show(console.Out, input.OutDirectory, files);
        return ExitCodes.Ok;
    }
}
