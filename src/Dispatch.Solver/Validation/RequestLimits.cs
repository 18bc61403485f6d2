namespace Dispatch.Solver.Validation;

/// <summary>The limits of the small API requests (stock, unit, case and key changes), each with why it is there.
/// The incident body's own limits are on <see cref="IncidentValidator"/>.</summary>
public static class RequestLimits
{
    /// <summary>An id in a URL: the same bound as an id a body may create, so whatever exists can be addressed.</summary>
    public const int MaxIdLength = IncidentValidator.MaxIdLength;

    /// <summary>An unknown id echoed in a 404 is cut to this, so that a huge id does not make a huge answer.</summary>
    public const int EchoedIdLength = 64;

    /// <summary>A SKU is a catalogue code: longer than any vendor's scheme is a wrong field, not a part.</summary>
    public const int MaxSkuLength = 128;

    /// <summary>A stock movement's reason is a note for people: a paragraph, never a stored blob.</summary>
    public const int MaxStockReasonLength = 500;

    /// <summary>No real delivery or write-off moves a million parts; a larger delta is a typo that would wreck the counts.</summary>
    public const int MaxStockDelta = 1_000_000;

    /// <summary>An API key's name labels it in lists: a line, not a document.</summary>
    public const int MaxKeyNameLength = 200;

    /// <summary>Times before this year are a clock that was never set (or a Unix epoch mistaken for a time).</summary>
    public const int MinYear = 2000;

    /// <summary>Times after this year are a typo; they would also sort every later case before real ones.</summary>
    public const int MaxYear = 2200;

    /// <summary>What a time outside <see cref="MinYear"/>..<see cref="MaxYear"/> is told.</summary>
    public const string TimeMessage = "must be an ISO-8601 time between 2000 and 2200";

    /// <summary>True for <see cref="MinYear"/> to <see cref="MaxYear"/> inclusive.</summary>
    public static bool IsPlausibleYear(int year) => year is >= MinYear and <= MaxYear;
}
