namespace Dispatch.Load.Workload;

/// <summary>The case statuses of docs/api.md "Incidents", in the order a case moves through them.</summary>
public enum Lifecycle
{
    Open,
    Dispatched,
    Enroute,
    OnScene,
    Towing,
    Completed,
    Cancelled,
}

public static class LifecycleRules
{
    public static string Name(this Lifecycle state) => state switch
    {
        Lifecycle.Open => "open",
        Lifecycle.Dispatched => "dispatched",
        Lifecycle.Enroute => "enroute",
        Lifecycle.OnScene => "onscene",
        Lifecycle.Towing => "towing",
        Lifecycle.Completed => "completed",
        Lifecycle.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static Lifecycle? Parse(string? status) => status switch
    {
        "open" => Lifecycle.Open,
        "dispatched" => Lifecycle.Dispatched,
        "enroute" => Lifecycle.Enroute,
        "onscene" => Lifecycle.OnScene,
        "towing" => Lifecycle.Towing,
        "completed" => Lifecycle.Completed,
        "cancelled" => Lifecycle.Cancelled,
        _ => null,
    };

    /// <summary>Dispatched and not yet finished: the case holds its resource and part.</summary>
    public static bool HoldsAssignment(this Lifecycle state) => state is >= Lifecycle.Dispatched and <= Lifecycle.Towing;

    public static bool IsTerminal(this Lifecycle state) => state is Lifecycle.Completed or Lifecycle.Cancelled;

    /// <summary>The event that moves a dispatched case one step on; towing only for a tow mode.</summary>
    public static Lifecycle? NextStep(Lifecycle state, string? mode) => state switch
    {
        Lifecycle.Dispatched => Lifecycle.Enroute,
        Lifecycle.Enroute => Lifecycle.OnScene,
        Lifecycle.OnScene => string.Equals(mode, "tow", StringComparison.Ordinal) ? Lifecycle.Towing : Lifecycle.Completed,
        Lifecycle.Towing => Lifecycle.Completed,
        _ => null,
    };

    /// <summary>Whether a case last acknowledged in <paramref name="acknowledged"/> may now be in <paramref name="observed"/>.</summary>
    /// <remarks>Only forward: an acknowledged transition that is later undone is a lost write.</remarks>
    public static bool CanHaveReached(Lifecycle acknowledged, Lifecycle observed)
    {
        if (acknowledged.IsTerminal())
        {
            return observed == acknowledged;
        }

        return observed == Lifecycle.Cancelled || observed >= acknowledged;
    }
}
