using System.CommandLine.Parsing;
using System.Globalization;

namespace Dispatch.Cli.CommandLine;

/// <summary>Parsers for option values the library does not read the way a planner writes them.</summary>
public static class OptionParsers
{
    /// <summary>An ISO-8601 instant; one without an offset is taken as UTC, as the API's times are.</summary>
    public static DateTimeOffset? ParseInstant(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant;
        }

        result.AddError($"--start '{text}' is not an ISO-8601 instant such as 2026-01-05T00:00:00Z.");
        return null;
    }

    /// <summary>A finite number above 0 (days, calls per day).</summary>
    public static double ParsePositive(ArgumentResult result) => ParseNumber(result, 0, inclusive: false) ?? 0;

    /// <summary>A finite number above 0 for an option that has no default (a standard, a time budget).</summary>
    public static double? ParsePositiveOrNull(ArgumentResult result) => ParseNumber(result, 0, inclusive: false);

    /// <summary>A finite number of 0 or more (minutes).</summary>
    public static double? ParseNonNegative(ArgumentResult result) => ParseNumber(result, 0, inclusive: true);

    private static double? ParseNumber(ArgumentResult result, double minimum, bool inclusive)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        var name = (result.Parent as OptionResult)?.Option.Name ?? "the value";
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            result.AddError($"{name} '{text}' is not a number.");
            return null;
        }

        if (inclusive ? value < minimum : value <= minimum)
        {
            result.AddError($"{name} must be {(inclusive ? "at least" : "above")} {minimum.ToString(CultureInfo.InvariantCulture)}, not {text}.");
            return null;
        }

        return value;
    }

    /// <summary>An absolute http(s) URL: the silo's base address.</summary>
    public static Uri? ParseUrl(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        result.AddError($"--url '{text}' is not an http or https URL such as http://127.0.0.1:5080.");
        return null;
    }

    /// <summary>A comma-separated list of numbers (invariant culture, so "0.5" everywhere).</summary>
    public static IReadOnlyList<double> ParseValues(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var values = new List<double>();
        foreach (var token in result.Tokens)
        {
            foreach (var part in token.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
                {
                    values.Add(value);
                }
                else
                {
                    result.AddError($"'{part}' in --values is not a number.");
                }
            }
        }

        if (values.Count == 0 && result.Tokens.Count > 0)
        {
            result.AddError("--values lists no number.");
        }

        return values;
    }
}
