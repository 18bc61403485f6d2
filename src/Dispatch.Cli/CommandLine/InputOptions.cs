using System.CommandLine;
using Dispatch.Cli.Input;

namespace Dispatch.Cli.CommandLine;

/// <summary>The options <c>simulate</c> and <c>sweep</c> share: where to run, the demand, the policies, the files.</summary>
public sealed class InputOptions
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    public const double DefaultDays = 7;
    public const double DefaultRatePerDay = 2000;
    public const long DefaultSeed = 1;

    public InputOptions(string defaultOut, string? defaultBaselinePolicy, string baselineHelp)
    {
        Out = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder for the result files and charts.",
            DefaultValueFactory = _ => new DirectoryInfo(defaultOut),
        };
        BaselinePolicy = new Option<string?>("--baseline-policy")
        {
            Description = baselineHelp,
            DefaultValueFactory = _ => defaultBaselinePolicy,
        };
        BaselinePolicy.AcceptOnlyFromAmong(Policies.All);
    }

    public Option<FileInfo> Network { get; } = new Option<FileInfo>("--network")
    {
        Description = "Run in this process on a network document (e.g. data/demo-network.json).",
    }.AcceptExistingOnly();

    public Option<Uri?> Url { get; } = new("--url")
    {
        Description = "Run on a silo through the scenario API, on its live network (e.g. http://127.0.0.1:5080).",
        CustomParser = OptionParsers.ParseUrl,
    };

    public Option<FileInfo> KeyFile { get; } = new Option<FileInfo>("--key-file")
    {
        Description = "File holding the API key (planner or admin) for --url, e.g. <data dir>/admin.key.",
    }.AcceptExistingOnly();

    public Option<double> Days { get; } = new("--days")
    {
        Description = "Days of generated demand.",
        DefaultValueFactory = _ => DefaultDays,
        CustomParser = OptionParsers.ParsePositive,
    };

    public Option<double> Rate { get; } = new("--rate")
    {
        Description = "Generated calls per day across the network.",
        DefaultValueFactory = _ => DefaultRatePerDay,
        CustomParser = OptionParsers.ParsePositive,
    };

    public Option<long> Seed { get; } = new("--seed")
    {
        Description = "Seed of the demand generator: same seed, same calls.",
        DefaultValueFactory = _ => DefaultSeed,
    };

    // No DefaultValueFactory: help would print the default in the current culture's date format, not ISO-8601.
    public Option<DateTimeOffset?> Start { get; } = new("--start")
    {
        Description = "Start of generated demand, ISO-8601 (no offset: UTC). [default: 2026-01-05T00:00:00Z]",
        CustomParser = OptionParsers.ParseInstant,
    };

    public Option<string> Policy { get; } = new Option<string>("--policy")
    {
        Description = "How the scenario dispatches: coverage (the score) or closest (ETA alone).",
        DefaultValueFactory = _ => Policies.Coverage,
    }.AcceptOnlyFromAmong(Policies.All);

    public Option<string?> BaselinePolicy { get; }

    public Option<FileInfo> Changes { get; } = new Option<FileInfo>("--changes")
    {
        Description = "JSON file of scenario changes: closeCenters, addResources, removeResources, stock, addRules, removeRules, parameters.",
    }.AcceptExistingOnly();

    public Option<FileInfo> Surges { get; } = new Option<FileInfo>("--surges")
    {
        Description = "JSON array of demand surges: [{region | zone, from, to, factor}].",
    }.AcceptExistingOnly();

    public Option<FileInfo> Replay { get; } = new Option<FileInfo>("--replay")
    {
        Description = "JSON array of incident bodies (each with id and reportedAt) to replay instead of generating demand.",
    }.AcceptExistingOnly();

    public Option<double?> MaxWait { get; } = new("--max-wait")
    {
        Description = "Minutes a call may wait for a unit before it counts as unserved. [default: 720, the API's]",
        CustomParser = OptionParsers.ParseNonNegative,
    };

    public Option<string?> Name { get; } = new("--name")
    {
        Description = "A name for the run.",
    };

    public Option<DirectoryInfo> Out { get; }

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Option[] all = [Network, Url, KeyFile, Days, Rate, Seed, Start, Policy, BaselinePolicy, Changes, Surges, Replay, MaxWait, Name, Out];
        foreach (var option in all)
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            var network = result.GetResult(Network) is not null;
            var url = result.GetResult(Url) is not null;
            if (network == url)
            {
                result.AddError("Give exactly one of --network FILE (run here) and --url URL (run on a silo).");
            }

            if (url && result.GetResult(KeyFile) is null)
            {
                result.AddError("--url needs --key-file FILE with the API key.");
            }

            if (network && result.GetResult(KeyFile) is not null)
            {
                result.AddError("--key-file goes with --url; a --network run needs no key.");
            }

            if (result.GetResult(Replay) is not null && result.GetResult(Surges) is not null)
            {
                result.AddError("--surges shape generated demand and cannot be combined with --replay.");
            }
        });
    }

    public RunInput Bind(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        InputSource source = result.GetValue(Url) is { } url
            ? new RemoteSource(url, result.GetValue(KeyFile)!.FullName)
            : new NetworkFileSource(result.GetValue(Network)!.FullName);
        return new RunInput(
            source,
            result.GetValue(Days),
            result.GetValue(Rate),
            result.GetValue(Seed),
            result.GetValue(Start) ?? DefaultStart,
            result.GetValue(Policy)!,
            result.GetValue(BaselinePolicy),
            result.GetValue(Changes)?.FullName,
            result.GetValue(Surges)?.FullName,
            result.GetValue(Replay)?.FullName,
            result.GetValue(MaxWait),
            result.GetValue(Name),
            result.GetValue(Out)!.FullName);
    }
}
