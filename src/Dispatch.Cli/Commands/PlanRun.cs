using Dispatch.Cli.Api;
using Dispatch.Cli.Charts;
using Dispatch.Cli.Input;
using Dispatch.Cli.Output;
using Dispatch.Cli.Planning;
using Spectre.Console;

namespace Dispatch.Cli.Commands;

/// <summary>What <c>plan</c> does once its options are read: solve (here or on a silo), show the tables, write
/// answer.json, sites.geojson and map.png, and with --apply the scenario changes. With --json standard output carries
/// the answer alone, on one line, after the files are written; everything else goes to standard error.</summary>
public sealed class PlanRun(CliConsole console, PlanInput input)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var screen = input.Json ? console.ErrorOut : console.Out;
        var outcome = await SolveAsync(screen, cancellationToken).ConfigureAwait(false);

        screen.Write(PlanTables.Summary(outcome));
        screen.Write(PlanTables.Sites(outcome));

        var files = new List<string>();
        // An OR-Library check wants the JSON and nothing else, not a folder in the working directory.
        var writeFiles = input.OrLibFile is null || !input.Json || input.OutGiven;
        if (writeFiles)
        {
            files.Add(PlanFiles.WriteAnswer(outcome, input.OutDirectory));
            if (outcome.Request is not null)
            {
                files.Add(PlanFiles.WriteGeoJson(outcome, input.OutDirectory));
                if (PlacementMap.Save(outcome, input.OutDirectory) is { } map)
                {
                    files.Add(map);
                }
                else
                {
                    console.Error.WriteLine("note: no map: the chosen sites have no known places.");
                }
            }

            OutputList.Show(screen, input.OutDirectory, files);
        }

        if (input.ApplyFile is { } apply)
        {
            var changes = PlanApply.Changes(outcome, input.ResourceType!);
            var written = PlanFiles.WriteChanges(changes, apply);
            screen.MarkupLine(Markup.Escape($"Wrote the scenario changes ({changes.AddResources!.Count} × {input.ResourceType} added) to {written}. See the KPIs move with:"));
            // Plain text, never wrapped, so that it can be copied as it is.
            var text = input.Json ? console.Error : console.Text;
            await text.WriteLineAsync("  " + SimulateCommandLine(written)).ConfigureAwait(false);
        }

        if (input.Json)
        {
            await console.Text.WriteLineAsync(PlanFiles.AnswerLine(outcome)).ConfigureAwait(false);
            await console.Text.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    private async Task<PlanOutcome> SolveAsync(IAnsiConsole screen, CancellationToken cancellationToken)
    {
        if (input.OrLibFile is { } orlib)
        {
            screen.MarkupLine(Markup.Escape($"Solving the OR-Library p-median file {orlib}{TimeLimit()}."));
            return await Task.Run(() => LocalPlanner.SolveOrLib(orlib, input.TimeLimitMs, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        var request = PlanRequestFactory.Create(input);
        var what = $"{input.Model}, k = {input.K}, {input.ResourceType}";
        switch (input.Source)
        {
            case NetworkFileSource file:
                screen.MarkupLine(Markup.Escape($"Planning {what} on {file.Path}{TimeLimit()}."));
                return await Task.Run(() => LocalPlanner.SolveOnNetwork(file.Path, request, cancellationToken), cancellationToken).ConfigureAwait(false);
            case RemoteSource remote:
                using (var planner = RemotePlanner.Open(remote, input.TimeLimitMs, message => console.Error.WriteLine("warning: " + message)))
                {
                    screen.MarkupLine(Markup.Escape($"Planning {what} on {planner.Description}{TimeLimit()}."));
                    return await planner.PlanAsync(request, cancellationToken).ConfigureAwait(false);
                }

            default:
                throw new InvalidOperationException("plan needs --orlib, --network or --url");
        }
    }

    private string TimeLimit() => input.TimeLimitMs is { } ms ? $" (time limit {ms:0} ms)" : "";

    private string SimulateCommandLine(string changesFile)
    {
        var source = input.Source switch
        {
            RemoteSource remote => $"--url {Quote(remote.Url.ToString())} --key-file {Quote(remote.KeyFile)}",
            NetworkFileSource file => $"--network {Quote(file.Path)}",
            _ => "",
        };
        return $"dispatch simulate {source} --changes {Quote(changesFile)}";
    }

    private static string Quote(string text) =>
        text.Length > 0 && text.All(c => char.IsLetterOrDigit(c) || "/._-:+@=,".Contains(c)) ? text : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
