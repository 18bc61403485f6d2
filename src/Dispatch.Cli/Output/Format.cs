using System.Globalization;

namespace Dispatch.Cli.Output;

/// <summary>How numbers read in tables and CSV: invariant culture, a dash for a statistic over no values.</summary>
public static class Format
{
    public const string None = "–";

    public static string Minutes(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : None;

    public static string Share(double? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : None;

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("G", CultureInfo.InvariantCulture);

    /// <summary>For CSV: the full value, or an empty cell.</summary>
    public static string Raw(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
