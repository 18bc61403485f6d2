using Dispatch.Cli.Input;

namespace Dispatch.Cli.Planning;

/// <summary>Names the option behind each request path of a refused plan, so that <c>k: must be at most ...</c> reads
/// <c>k (--k): must be at most ...</c> and <c>candidates[2].location</c> points at the <c>--candidates</c> file.</summary>
public static class PlanErrors
{
    private static readonly Dictionary<string, string> Options = new(StringComparer.Ordinal)
    {
        ["model"] = "--model",
        ["k"] = "--k",
        ["resourceType"] = "--resource-type",
        ["candidates"] = "--candidates",
        ["demand"] = "--demand",
        ["standardMin"] = "--standard-min",
        ["existing"] = "--existing",
        ["travelMatrix"] = "--travel-matrix",
        ["timeLimitMs"] = "--time-limit-ms",
        ["network"] = "--network",
    };

    public static IReadOnlyList<InputError> WithOptions(IEnumerable<InputError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Select(WithOption).ToList();
    }

    public static InputError WithOption(InputError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var end = error.Path.IndexOfAny(['.', '[']);
        var root = end < 0 ? error.Path : error.Path[..end];
        return Options.TryGetValue(root, out var option) ? error with { Path = $"{error.Path} ({option})" } : error;
    }
}
