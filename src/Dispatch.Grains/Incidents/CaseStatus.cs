using System.Collections.Immutable;

namespace Dispatch.Grains.Incidents;

/// <summary>The statuses of an incident's case, which are also the events that move it (docs/api.md "Incidents").
/// Declared in the order a case goes through them; <see cref="Cancelled"/> may end it from any open status.</summary>
public enum CaseStatusKind
{
    /// <summary>Reported, no unit held for it.</summary>
    Open,

    /// <summary>A unit is held for it.</summary>
    Dispatched,

    /// <summary>The unit is on its way.</summary>
    Enroute,

    /// <summary>The unit is at the incident.</summary>
    OnScene,

    /// <summary>The unit tows the vehicle away (tow mode only).</summary>
    Towing,

    /// <summary>Closed: served.</summary>
    Completed,

    /// <summary>Closed: called off.</summary>
    Cancelled,
}

/// <summary>The wire names of <see cref="CaseStatusKind"/>, as the API shows them and grain state stores them.</summary>
public static class CaseStatus
{
    public const string Open = "open";
    public const string Dispatched = "dispatched";
    public const string Enroute = "enroute";
    public const string OnScene = "onscene";
    public const string Towing = "towing";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";

    public static readonly ImmutableArray<string> All = [Open, Dispatched, Enroute, OnScene, Towing, Completed, Cancelled];

    /// <summary>Every status, in the order of <see cref="All"/>.</summary>
    public static readonly ImmutableArray<CaseStatusKind> Kinds = [.. Enum.GetValues<CaseStatusKind>()];

    /// <summary>Whether the case is closed: nothing may follow.</summary>
    public static bool IsTerminal(this CaseStatusKind status) => status is CaseStatusKind.Completed or CaseStatusKind.Cancelled;

    /// <summary>Whether the case is closed; false for a name no version of the silo wrote (null).</summary>
    public static bool IsTerminal(this CaseStatusKind? status) => status is CaseStatusKind.Completed or CaseStatusKind.Cancelled;

    /// <summary>The wire name of a status.</summary>
    public static string ToName(this CaseStatusKind status) => status switch
    {
        CaseStatusKind.Open => Open,
        CaseStatusKind.Dispatched => Dispatched,
        CaseStatusKind.Enroute => Enroute,
        CaseStatusKind.OnScene => OnScene,
        CaseStatusKind.Towing => Towing,
        CaseStatusKind.Completed => Completed,
        CaseStatusKind.Cancelled => Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Reads a wire name; false for anything but the exact lower-case names.</summary>
    public static bool TryParse(string? name, out CaseStatusKind status)
    {
        switch (name)
        {
            case Open: status = CaseStatusKind.Open; return true;
            case Dispatched: status = CaseStatusKind.Dispatched; return true;
            case Enroute: status = CaseStatusKind.Enroute; return true;
            case OnScene: status = CaseStatusKind.OnScene; return true;
            case Towing: status = CaseStatusKind.Towing; return true;
            case Completed: status = CaseStatusKind.Completed; return true;
            case Cancelled: status = CaseStatusKind.Cancelled; return true;
            default: status = default; return false;
        }
    }

    /// <summary>The status of a stored or shown name; null for a name no version of the silo wrote.</summary>
    public static CaseStatusKind? KindOf(string? name) => TryParse(name, out var status) ? status : null;
}
