using System.Globalization;

namespace Dispatch.Grains.Auditing;

/// <summary>A place in the audit log: UTC day, page of that day, index in the page. Written
/// <c>yyyy-MM-dd.page.index</c>, which is both an entry's id and a listing's cursor.</summary>
public readonly record struct AuditPosition(DateOnly Day, int Page, int Index)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Day:yyyy-MM-dd}.{Page}.{Index}");

    /// <summary>The page grain's key: <c>yyyy-MM-dd/page</c>.</summary>
    public string PageKey => string.Create(CultureInfo.InvariantCulture, $"{Day:yyyy-MM-dd}/{Page}");

    public static bool TryParse(string? text, out AuditPosition position)
    {
        position = default;
        var parts = text?.Split('.');
        if (parts is not { Length: 3 }
            || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var page)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return false;
        }

        position = new AuditPosition(day, page, index);
        return true;
    }

    public static AuditPosition OfPageKey(string key, int index)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return new AuditPosition(
            DateOnly.ParseExact(key[..slash], "yyyy-MM-dd", CultureInfo.InvariantCulture),
            int.Parse(key[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture),
            index);
    }
}
