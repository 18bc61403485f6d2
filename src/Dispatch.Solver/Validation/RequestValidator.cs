using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Validation;

/// <summary>Checks of the small API requests (stock, unit, case and key changes) under <see cref="RequestLimits"/>;
/// each answers every error by its JSON path, as <see cref="IncidentValidator"/> does for an incident body.</summary>
public static class RequestValidator
{
    /// <summary>An id taken from a URL that could name something: anything else is answered as not found.</summary>
    public static bool IsAddressableId(string id) =>
        id.Length is > 0 and <= RequestLimits.MaxIdLength && !id.Any(char.IsControl);

    /// <summary>The id as a 404 may echo it: cut to <see cref="RequestLimits.EchoedIdLength"/>.</summary>
    public static string Echo(string id) =>
        id.Length <= RequestLimits.EchoedIdLength ? id : id[..RequestLimits.EchoedIdLength] + "…";

    /// <summary>A stock movement: a SKU, a non-zero delta, an optional reason.</summary>
    public static IReadOnlyList<ValidationError> StockChange(string? sku, int? delta, string? reason)
    {
        var errors = new ValidationErrorSink();
        if (string.IsNullOrWhiteSpace(sku) || sku.Length > RequestLimits.MaxSkuLength || sku.Any(char.IsControl))
        {
            errors.Add("sku", $"is required: a SKU of at most {RequestLimits.MaxSkuLength} printable characters");
        }

        if (delta is not { } d || d == 0 || Math.Abs((long)d) > RequestLimits.MaxStockDelta)
        {
            errors.Add("delta", "is required: a non-zero integer within ±1,000,000");
        }

        if (reason is { Length: > RequestLimits.MaxStockReasonLength })
        {
            errors.Add("reason", $"must be at most {RequestLimits.MaxStockReasonLength} characters");
        }

        return errors.Errors;
    }

    /// <summary>A unit's new position: both coordinates, each in range.</summary>
    public static IReadOnlyList<ValidationError> Position(double? lat, double? lon)
    {
        var errors = new ValidationErrorSink();
        if (lat is not { } a || !GeoPoint.IsLatitude(a))
        {
            errors.Add("lat", "is required: degrees within -90..90");
        }

        if (lon is not { } o || !GeoPoint.IsLongitude(o))
        {
            errors.Add("lon", "is required: degrees within -180..180");
        }

        return errors.Errors;
    }

    /// <summary>A dispatch of a case: optionally the unit asked for and the mode.</summary>
    public static IReadOnlyList<ValidationError> CaseDispatch(string? resourceId, string? mode)
    {
        var errors = new ValidationErrorSink();
        if (resourceId is not null && !IsAddressableId(resourceId))
        {
            errors.Add("resourceId", $"must be 1..{RequestLimits.MaxIdLength} printable characters");
        }

        if (mode is not (null or DocumentVocabulary.ModeOnsite or DocumentVocabulary.ModeTow))
        {
            errors.Add("mode", $"must be '{DocumentVocabulary.ModeOnsite}' or '{DocumentVocabulary.ModeTow}'");
        }

        return errors.Errors;
    }

    /// <summary>An event of a case: a known type, and optionally where and when.</summary>
    /// <param name="type">The event type; required.</param>
    /// <param name="position">Where the event happened, if given; checked for range.</param>
    /// <param name="at">When it happened, if given; its own year must be plausible.</param>
    /// <param name="types">The event types there are, in the order the answer lists them.</param>
    public static IReadOnlyList<ValidationError> CaseEvent(string? type, GeoPoint? position, DateTimeOffset? at, IReadOnlyCollection<string> types)
    {
        var errors = new ValidationErrorSink();
        if (type is null || !types.Contains(type, StringComparer.Ordinal))
        {
            errors.Add("type", $"must be one of {string.Join(", ", types)}");
        }

        if (position is { IsValid: false })
        {
            errors.Add("position", "lat must be within -90..90 and lon within -180..180");
        }

        // The offset's own year, as the agent wrote it.
        if (at is { } time && !RequestLimits.IsPlausibleYear(time.Year))
        {
            errors.Add("at", RequestLimits.TimeMessage);
        }

        return errors.Errors;
    }

    /// <summary>A new API key: a name and a role.</summary>
    /// <param name="name">A label for lists; required, at most <see cref="RequestLimits.MaxKeyNameLength"/> characters.</param>
    /// <param name="role">One of <paramref name="roles"/>.</param>
    /// <param name="roles">The roles there are, in the order the answer lists them.</param>
    public static IReadOnlyList<ValidationError> NewApiKey(string? name, string? role, IReadOnlyCollection<string> roles)
    {
        var errors = new ValidationErrorSink();
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("name", "is required");
        }
        else if (name.Length > RequestLimits.MaxKeyNameLength)
        {
            errors.Add("name", $"must be at most {RequestLimits.MaxKeyNameLength} characters");
        }

        if (role is null || !roles.Contains(role, StringComparer.Ordinal))
        {
            errors.Add("role", $"must be one of {string.Join(", ", roles)}");
        }

        return errors.Errors;
    }
}
