using System.Globalization;
using Dispatch.Load.Api;
using Dispatch.Load.Scheduling;

namespace Dispatch.Load.Cli;

/// <summary>Parses the command line; every problem is reported, not just the first.</summary>
public static class LoadOptionsParser
{
    public const string Usage = """
        Dispatch.Load: open-loop HTTP load generator for the Dispatch API, with an invariant audit.

        Target (one of):
          --url <http://127.0.0.1:port>   a running silo (loopback only)
          --start-silo [path.dll]         start Dispatch.Silo.dll on a free port with a temp data dir
        Auth:
          --key <api key> | --key-file <file>   (with --start-silo: <data dir>/admin.key)
        Load:
          --rate <req/s>         fixed arrival rate (default 40)
          --duration <time>      measured window, e.g. 25s, 2m (default 25s)
          --warmup <time>        unmeasured lead-in at the same rate (default 3s)
          --mix <spec>           default recommend=50,dispatch=30,events=15,cancel=3,stock=2
          --seed <int>           incidents and mix draws (default 1)
          --max-in-flight <n>    cap; arrivals beyond it are dropped and counted (default 256)
          --connections <n>      keep-alive HTTP/1.1 connections, one call on each at a time (default 32, as wrk -c);
                                 arrivals waiting for one count that wait in their latency
          --timeout <time>       per-request timeout (default 30s)
          --id-prefix <text>     incident id prefix (default ld-<seed>-<start time>)
          --jitter-km <km>       spread of incidents around demand points (default 3)
        Generator ceiling (on by default):
          first drives a bare Kestrel endpoint (this program's --serve-bare, in its own process) at a saturating
          rate with the same --connections and --max-in-flight: the most this generator can measure here. A figure
          above --ceiling-share of it, or with arrivals dropped or a lagging scheduler, is marked generator-bound.
          --no-ceiling           skip it (figures are then not claimed)
          --ceiling-share <f>    default 0.7
        Comparisons:
          --baseline             also drive the bare endpoint at the engine's rate; ratios engine / bare
          --baseline-rate <r>    saturating rate for the bare endpoint and the ceiling (default 100000)
          --baseline-duration <time>  of each bare run (default: the measured window, at most 10s)
          --bare-url <url>       use a bare endpoint already served (--serve-bare) instead of starting one
          --raw-storage <file|auto>  single-row SQLite upserts/s on that file (auto: the started silo's)
          --raw-duration <time>  (default 5s)
        Output:
          --json <file>          write the report as JSON too
        Helpers for outside generators (bench/http-ratio.sh):
          --serve-bare <port>    only serve the bare endpoint POST /bare on 127.0.0.1:<port> (0: any) until stopped
          --write-bodies <file>  only write incident bodies drawn from the target's network, one JSON a line
          --bodies <n>           how many (default 64)
        Exit code: 0 pass; 1 on any 5xx, transport error, audit violation or lost incident; 2 usage error.
        """;

    public static bool TryParse(IReadOnlyList<string> args, out LoadOptions options, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        var problems = new List<string>();
        var result = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string? Value()
            {
                if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return args[++i];
                }

                problems.Add($"{name} needs a value");
                return null;
            }

            switch (name)
            {
                case "--url":
                    if (Value() is { } url)
                    {
                        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var uri))
                        {
                            problems.Add($"--url '{url}' is not an absolute URL");
                        }
                        else if (!LoopbackGuard.IsLoopback(uri))
                        {
                            problems.Add($"--url '{url}' is not a loopback address: the generator only load-tests this machine");
                        }
                        else
                        {
                            result = result with { Url = uri };
                        }
                    }

                    break;
                case "--key": result = result with { Key = Value() }; break;
                case "--key-file": result = result with { KeyFile = Value() }; break;
                case "--rate": result = result with { Rate = Positive(name, Value(), problems) ?? result.Rate }; break;
                case "--duration": result = result with { Duration = Duration(name, Value(), problems, allowZero: false) ?? result.Duration }; break;
                case "--warmup": result = result with { Warmup = Duration(name, Value(), problems, allowZero: true) ?? result.Warmup }; break;
                case "--timeout": result = result with { RequestTimeout = Duration(name, Value(), problems, allowZero: false) ?? result.RequestTimeout }; break;
                case "--mix":
                    if (Value() is { } mixText)
                    {
                        if (OperationMix.TryParse(mixText, out var mix, out var mixError))
                        {
                            result = result with { Mix = mix };
                        }
                        else
                        {
                            problems.Add($"--mix: {mixError}");
                        }
                    }

                    break;
                case "--seed":
                    if (Value() is { } seedText)
                    {
                        if (int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed))
                        {
                            result = result with { Seed = seed };
                        }
                        else
                        {
                            problems.Add($"--seed '{seedText}' is not an integer");
                        }
                    }

                    break;
                case "--max-in-flight":
                    if (Value() is { } capText)
                    {
                        if (int.TryParse(capText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var cap) && cap > 0)
                        {
                            result = result with { MaxInFlight = cap };
                        }
                        else
                        {
                            problems.Add($"--max-in-flight '{capText}' is not a positive integer");
                        }
                    }

                    break;
                case "--connections":
                    if (Value() is { } connectionsText)
                    {
                        if (int.TryParse(connectionsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var connections) && connections > 0)
                        {
                            result = result with { Connections = connections };
                        }
                        else
                        {
                            problems.Add($"--connections '{connectionsText}' is not a positive integer");
                        }
                    }

                    break;
                case "--no-ceiling": result = result with { Ceiling = false }; break;
                case "--ceiling": result = result with { Ceiling = true }; break;
                case "--ceiling-share":
                    if (Value() is { } shareText)
                    {
                        if (double.TryParse(shareText, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share is > 0 and <= 1)
                        {
                            result = result with { CeilingShare = share };
                        }
                        else
                        {
                            problems.Add($"--ceiling-share '{shareText}' is not a number in (0, 1]");
                        }
                    }

                    break;
                case "--id-prefix": result = result with { IdPrefix = Value() }; break;
                case "--jitter-km":
                    if (Value() is { } jitterText)
                    {
                        if (double.TryParse(jitterText, NumberStyles.Float, CultureInfo.InvariantCulture, out var jitter) && double.IsFinite(jitter) && jitter >= 0)
                        {
                            result = result with { JitterKm = jitter };
                        }
                        else
                        {
                            problems.Add($"--jitter-km '{jitterText}' is not a number >= 0");
                        }
                    }

                    break;
                case "--json": result = result with { JsonPath = Value() }; break;
                case "--start-silo":
                    var dll = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : string.Empty;
                    result = result with { StartSilo = dll };
                    break;
                case "--baseline": result = result with { Baseline = true }; break;
                case "--baseline-rate": result = result with { BaselineSaturationRate = Positive(name, Value(), problems) ?? result.BaselineSaturationRate }; break;
                case "--baseline-duration": result = result with { BaselineDuration = Duration(name, Value(), problems, allowZero: false) }; break;
                case "--raw-storage": result = result with { RawStorage = Value() }; break;
                case "--raw-duration": result = result with { RawStorageDuration = Duration(name, Value(), problems, allowZero: false) ?? result.RawStorageDuration }; break;
                case "--serve-bare":
                    if (Value() is { } portText)
                    {
                        if (int.TryParse(portText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535)
                        {
                            result = result with { ServeBarePort = port };
                        }
                        else
                        {
                            problems.Add($"--serve-bare '{portText}' is not a port (0-65535)");
                        }
                    }

                    break;
                case "--bare-url":
                    if (Value() is { } bareUrl)
                    {
                        if (Uri.TryCreate(bareUrl.EndsWith('/') ? bareUrl : bareUrl + "/", UriKind.Absolute, out var bareUri) && LoopbackGuard.IsLoopback(bareUri))
                        {
                            result = result with { BareUrl = bareUri };
                        }
                        else
                        {
                            problems.Add($"--bare-url '{bareUrl}' is not an absolute loopback URL");
                        }
                    }

                    break;
                case "--write-bodies": result = result with { WriteBodies = Value() }; break;
                case "--bodies":
                    if (Value() is { } countText)
                    {
                        if (int.TryParse(countText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > 0)
                        {
                            result = result with { BodiesCount = count };
                        }
                        else
                        {
                            problems.Add($"--bodies '{countText}' is not a positive integer");
                        }
                    }

                    break;
                case "--quiesce": result = result with { Quiesce = Duration(name, Value(), problems, allowZero: true) ?? result.Quiesce }; break;
                default:
                    problems.Add($"unknown option '{name}'");
                    break;
            }
        }

        if (result.Url is not null && result.StartSilo is not null)
        {
            problems.Add("give --url or --start-silo, not both");
        }

        if (result.WriteBodies is not null && result.Url is null)
        {
            problems.Add("--write-bodies needs --url for the network to draw from");
        }

        if (!result.DrivesEngine && !result.Baseline && result.RawStorage is null && result.ServeBarePort is null)
        {
            problems.Add("nothing to do: give --url, --start-silo, --baseline, --raw-storage or --serve-bare");
        }

        if (result.RawStorage == "auto" && result.StartSilo is null)
        {
            problems.Add("--raw-storage auto needs --start-silo (give the SQLite file otherwise)");
        }

        if (result.Key is not null && result.KeyFile is not null)
        {
            problems.Add("give --key or --key-file, not both");
        }

        options = result;
        errors = problems;
        return problems.Count == 0;
    }

    /// <summary>"25s", "1.5m", "500ms", "1h", or a bare number of seconds.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(text);
        duration = default;
        var (number, scale) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) => (text[..^2], 0.001),
            _ when text.EndsWith('s') || text.EndsWith('S') => (text[..^1], 1.0),
            _ when text.EndsWith('m') || text.EndsWith('M') => (text[..^1], 60.0),
            _ when text.EndsWith('h') || text.EndsWith('H') => (text[..^1], 3600.0),
            _ => (text, 1.0),
        };
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < 0)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(value * scale);
        return true;
    }

    private static TimeSpan? Duration(string name, string? text, List<string> problems, bool allowZero)
    {
        if (text is null)
        {
            return null;
        }

        if (!TryParseDuration(text, out var duration) || (!allowZero && duration <= TimeSpan.Zero))
        {
            problems.Add($"{name} '{text}' is not a {(allowZero ? "" : "positive ")}duration such as 25s, 2m, 500ms");
            return null;
        }

        return duration;
    }

    private static double? Positive(string name, string? text, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value <= 0)
        {
            problems.Add($"{name} '{text}' is not a positive number");
            return null;
        }

        return value;
    }
}
