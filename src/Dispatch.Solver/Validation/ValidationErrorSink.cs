using System.Globalization;
using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Validation;

/// <summary>Collects every error of one validation run, with the checks shared by all parts of a document.</summary>
/// <remarks>Each check returns whether the value passed, so that callers can skip checks that would only
/// repeat the same problem in other words.</remarks>
internal sealed class ValidationErrorSink
{
    private readonly List<ValidationError> errors = [];

    public IReadOnlyList<ValidationError> Errors => errors;

    public void Add(string path, string message) => errors.Add(new ValidationError(path, message));

    public void AddConflict(string path, string message) => errors.Add(new ValidationError(path, message, IsConflict: true));

    public bool Require<T>(string path, T? value)
        where T : class
    {
        if (value is null)
        {
            Add(path, "is required");
            return false;
        }

        return true;
    }

    public bool RequireNumber(string path, double? value, LowerBound bound)
    {
        if (value is null)
        {
            Add(path, "is required");
            return false;
        }

        return CheckNumber(path, value.Value, bound);
    }

    public bool CheckNumber(string path, double value, LowerBound bound)
    {
        if (!double.IsFinite(value))
        {
            Add(path, "must be a finite number");
            return false;
        }

        if (!bound.Admits(value))
        {
            Add(path, $"must be {bound.Describe()} (was {Format(value)})");
            return false;
        }

        // Scores add and divide these numbers; bounding them keeps every score finite.
        if (Math.Abs(value) > MaxMagnitude || (bound == LowerBound.Positive && value < MinPositive))
        {
            Add(path, $"must be from {Format(MinPositive)} to {Format(MaxMagnitude)} (was {Format(value)})");
            return false;
        }

        return true;
    }

    /// <summary>The largest number a document may hold; far beyond any real minutes, km or weights.</summary>
    public const double MaxMagnitude = 1e9;

    /// <summary>The smallest value of a number that must be positive (speeds and factors divide ETAs).</summary>
    public const double MinPositive = 1e-6;

    /// <summary>A count: a finite whole number from 0 to <see cref="int.MaxValue"/>.</summary>
    public bool CheckCount(string path, double? value, out int count)
    {
        count = 0;
        if (!RequireNumber(path, value, LowerBound.NonNegative))
        {
            return false;
        }

        var v = value!.Value;
        if (Math.Floor(v) != v)
        {
            Add(path, $"must be a whole number (was {Format(v)})");
            return false;
        }

        if (v > int.MaxValue)
        {
            Add(path, $"must be at most {int.MaxValue} (was {Format(v)})");
            return false;
        }

        count = (int)v;
        return true;
    }

    /// <summary>A required single-line text: present, not blank, no control characters, at most
    /// <paramref name="maxLength"/> UTF-16 code units.</summary>
    public bool RequireText(string path, string? value, int maxLength)
    {
        if (value is null)
        {
            Add(path, "is required");
            return false;
        }

        return CheckText(path, value, maxLength, allowBlank: false, allowLineBreaks: false);
    }

    /// <summary>An optional text; absent is fine, present must fit the limits.</summary>
    public bool OptionalText(string path, string? value, int maxLength, bool allowBlank = true, bool allowLineBreaks = false) =>
        value is null || CheckText(path, value, maxLength, allowBlank, allowLineBreaks);

    /// <summary>A required position with latitude and longitude in range; errors name the bad component.</summary>
    public bool RequirePoint(string path, GeoPoint? point) => Require(path, point) && CheckPoint(path, point!);

    public bool CheckPoint(string path, GeoPoint point)
    {
        var ok = true;
        if (!GeoPoint.IsLatitude(point.Lat))
        {
            Add(JsonPathText.Member(path, "lat"), $"must be a finite number from -90 to 90 (was {Format(point.Lat)})");
            ok = false;
        }

        if (!GeoPoint.IsLongitude(point.Lon))
        {
            Add(JsonPathText.Member(path, "lon"), $"must be a finite number from -180 to 180 (was {Format(point.Lon)})");
            ok = false;
        }

        return ok;
    }

    /// <summary>A value quoted for a message, cut short so that an oversized input never makes an oversized answer.</summary>
    public static string Quote(string? value)
    {
        const int maxShown = 64;
        if (value is null)
        {
            return "null";
        }

        return value.Length <= maxShown ? $"'{value}'" : $"'{value[..maxShown]}…' ({value.Length} characters)";
    }

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private bool CheckText(string path, string value, int maxLength, bool allowBlank, bool allowLineBreaks)
    {
        if (!allowBlank && string.IsNullOrWhiteSpace(value))
        {
            Add(path, "must not be empty");
            return false;
        }

        if (value.Length > maxLength)
        {
            Add(path, $"must be at most {maxLength} characters (was {value.Length})");
            return false;
        }

        foreach (var c in value)
        {
            var allowed = allowLineBreaks && c is '\n' or '\r' or '\t';
            if (char.IsControl(c) && !allowed)
            {
                Add(path, "must not contain control characters");
                return false;
            }
        }

        return true;
    }
}
