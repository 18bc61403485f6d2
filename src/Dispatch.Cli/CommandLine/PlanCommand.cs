using System.CommandLine;
using Dispatch.Cli.Commands;
using Dispatch.Cli.Input;
using Dispatch.Cli.Planning;

namespace Dispatch.Cli.CommandLine;

/// <summary><c>dispatch plan</c>: where to station k new units (maximal covering or p-median, DESIGN §3 "Placement"),
/// on a network file, on a silo (<c>POST /v1/planning/placement</c>), or on an OR-Library p-median file.</summary>
public static class PlanCommand
{
    public const string DefaultOut = "./plan-out";
    public const string CentersCandidates = "centers";
    public static readonly string[] Models = ["mclp", "pmedian"];

    public static Command Create(CliConsole console)
    {
        var options = new PlanOptions();
        var command = new Command(
            "plan",
            "Choose k sites for new units: maximal covering (mclp) or p-median, on a network file, on a silo, or on an OR-Library p-median file; "
            + "writes answer.json, sites.geojson and map.png, and with --apply a scenario changes file.");
        options.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
            CommandRunner.RunAsync(console, ct => new PlanRun(console, options.Bind(parseResult)).RunAsync(ct), cancellationToken));
        return command;
    }

    private sealed class PlanOptions
    {
        public Option<FileInfo> OrLib { get; } = new Option<FileInfo>("--orlib")
        {
            Description = "Solve an OR-Library p-median file (k is its p; every vertex is demand of weight 1 and a candidate).",
        }.AcceptExistingOnly();

        public Option<FileInfo> Network { get; } = new Option<FileInfo>("--network")
        {
            Description = "Plan in this process on a network document (e.g. data/demo-network.json).",
        }.AcceptExistingOnly();

        public Option<Uri?> Url { get; } = new("--url")
        {
            Description = "Plan on a silo (POST /v1/planning/placement) over its live network, e.g. http://127.0.0.1:5080.",
            CustomParser = OptionParsers.ParseUrl,
        };

        public Option<FileInfo> KeyFile { get; } = new Option<FileInfo>("--key-file")
        {
            Description = "File holding the API key (planner or admin) for --url.",
        }.AcceptExistingOnly();

        public Option<string?> Model { get; } = new Option<string?>("--model")
        {
            Description = "mclp: maximize the demand weight within its standard of an open site; pmedian: minimize the weighted travel time to the nearest open site.",
        }.AcceptOnlyFromAmong(Models);

        public Option<int?> K { get; } = new("--k")
        {
            Description = "How many sites to open (1 to the number of candidates).",
        };

        public Option<string?> ResourceType { get; } = new("--resource-type")
        {
            Description = "The resource type to place (a key of parameters.resourceTypes): its speed and mobilization give the travel times.",
        };

        public Option<string?> Candidates { get; } = new("--candidates")
        {
            Description = "'centers' (every center of the network) or a JSON file: an array of {id, location}. [default: centers]",
        };

        public Option<FileInfo> Demand { get; } = new Option<FileInfo>("--demand")
        {
            Description = "JSON file: an array of {id, location, weight}. [default: the network's demand points, weighted by their region's coverageWeight]",
        }.AcceptExistingOnly();

        public Option<double?> StandardMin { get; } = new("--standard-min")
        {
            Description = "mclp: one standard in minutes for every demand point instead of its region's coverageStandardMin.",
            CustomParser = OptionParsers.ParsePositiveOrNull,
        };

        public Option<bool> Existing { get; } = new("--existing")
        {
            Description = "Count what today's available units of the type already give (mclp: demand they cover; pmedian: a new site counts only where it is nearer).",
        };

        public Option<FileInfo> TravelMatrix { get; } = new Option<FileInfo>("--travel-matrix")
        {
            Description = "JSON file {sites, demand, minutes}: travel times to use instead of the formula (minutes[i][j] from sites[i] to demand[j]).",
        }.AcceptExistingOnly();

        public Option<double?> TimeLimitMs { get; } = new("--time-limit-ms")
        {
            Description = "Solver time budget in milliseconds; when it runs out the best solution found is answered with its gap. [default: 30000]",
            CustomParser = OptionParsers.ParsePositiveOrNull,
        };

        public Option<DirectoryInfo?> Out { get; } = new("--out")
        {
            Description = $"Folder for answer.json, sites.geojson and map.png. [default: {DefaultOut}; with --orlib --json, no files unless given]",
        };

        public Option<bool> Json { get; } = new("--json")
        {
            Description = "Print only the answer JSON {sites, objective, coveredWeight?, optimal, gap, solveMillis} on standard output; tables go to standard error.",
        };

        public Option<FileInfo?> Apply { get; } = new("--apply")
        {
            Description = "Also write a scenario changes file adding one unit of --resource-type at each chosen site, for 'dispatch simulate --changes FILE'.",
        };

        public void AddTo(Command command)
        {
            Option[] all = [OrLib, Network, Url, KeyFile, Model, K, ResourceType, Candidates, Demand, StandardMin, Existing, TravelMatrix, TimeLimitMs, Out, Json, Apply];
            foreach (var option in all)
            {
                command.Options.Add(option);
            }

            command.Validators.Add(result =>
            {
                var orlib = result.GetResult(OrLib) is not null;
                var network = result.GetResult(Network) is not null;
                var url = result.GetResult(Url) is not null;
                if ((orlib ? 1 : 0) + (network ? 1 : 0) + (url ? 1 : 0) != 1)
                {
                    result.AddError("Give exactly one of --orlib FILE (an OR-Library p-median file), --network FILE (plan here) and --url URL (plan on a silo).");
                    return;
                }

                if (url && result.GetResult(KeyFile) is null)
                {
                    result.AddError("--url needs --key-file FILE with the API key.");
                }

                if (!url && result.GetResult(KeyFile) is not null)
                {
                    result.AddError("--key-file goes with --url; planning on a file needs no key.");
                }

                if (orlib)
                {
                    Option[] networkOnly = [K, ResourceType, Candidates, Demand, StandardMin, Existing, TravelMatrix, Apply];
                    foreach (var option in networkOnly.Where(o => result.GetResult(o) is { Implicit: false }))
                    {
                        result.AddError($"{option.Name} goes with --network or --url; an OR-Library file is a p-median problem with its own p.");
                    }

                    if (Token(result, Model) is "mclp")
                    {
                        result.AddError("--orlib files are p-median problems; --model mclp does not apply.");
                    }

                    return;
                }

                foreach (var required in new Option[] { Model, K, ResourceType }.Where(o => result.GetResult(o) is null))
                {
                    result.AddError($"{required.Name} is required with --network or --url.");
                }

                if (result.GetResult(StandardMin) is not null && Token(result, Model) is "pmedian")
                {
                    result.AddError("--standard-min is the covering standard of --model mclp; p-median has none.");
                }

                if (Token(result, Candidates) is { } candidates && candidates != CentersCandidates && !File.Exists(candidates))
                {
                    result.AddError($"--candidates '{candidates}' is neither 'centers' nor an existing file.");
                }
            });
        }

        // The text as given: reading a value whose own parse failed would throw inside a validator.
        private static string? Token(System.CommandLine.Parsing.CommandResult result, Option option) =>
            result.GetResult(option)?.Tokens is [{ } token, ..] ? token.Value : null;

        public PlanInput Bind(ParseResult result)
        {
            InputSource? source = result.GetValue(Url) is { } url
                ? new RemoteSource(url, result.GetValue(KeyFile)!.FullName)
                : result.GetValue(Network) is { } network ? new NetworkFileSource(network.FullName) : null;
            var candidates = result.GetValue(Candidates);
            var output = result.GetValue(Out);
            return new PlanInput(
                source,
                result.GetValue(OrLib)?.FullName,
                result.GetValue(OrLib) is not null ? "pmedian" : result.GetValue(Model),
                result.GetValue(K),
                result.GetValue(ResourceType),
                candidates is null or CentersCandidates ? null : Path.GetFullPath(candidates),
                result.GetValue(Demand)?.FullName,
                result.GetValue(StandardMin),
                result.GetValue(Existing),
                result.GetValue(TravelMatrix)?.FullName,
                result.GetValue(TimeLimitMs),
                (output ?? new DirectoryInfo(DefaultOut)).FullName,
                output is not null,
                result.GetValue(Json),
                result.GetValue(Apply)?.FullName);
        }
    }
}
