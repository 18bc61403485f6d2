namespace Dispatch.Solver.Validation;

/// <summary>Builds the JSON paths that validation errors point at.</summary>
internal static class JsonPathText
{
    private const int MaxKeyShown = 200;

    public static string Member(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    /// <summary>A dictionary key: written as a plain member (<c>stock.TIRE-255/45R20</c>) when that reads
    /// unambiguously, else quoted in brackets (<c>stock['a.b']</c>).</summary>
    public static string Key(string parent, string key)
    {
        // An oversized key is reported by its own check; the path only needs to point at it.
        if (key.Length > MaxKeyShown)
        {
            key = key[..MaxKeyShown] + "…";
        }

        if (key.Length > 0 && !key.Any(NeedsQuoting))
        {
            return Member(parent, key);
        }

        return $"{parent}['{key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";
    }

    private static bool NeedsQuoting(char c) => c is '.' or '[' or ']' or '\'' or '"' || char.IsWhiteSpace(c) || char.IsControl(c);
}
