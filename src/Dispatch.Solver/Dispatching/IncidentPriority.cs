namespace Dispatch.Solver.Dispatching;

/// <summary>How urgent an incident is; <see cref="P1"/> first. The declared order is the order of service.</summary>
public enum IncidentPriority
{
    /// <summary>Most urgent.</summary>
    P1,

    /// <summary>Urgent.</summary>
    P2,

    /// <summary>Routine.</summary>
    P3,
}

/// <summary>The wire names of <see cref="IncidentPriority"/>. Incidents and the priority tables of a network document
/// keep the names (an incident is stored as it came), so code parses a name here rather than comparing strings.</summary>
public static class IncidentPriorityNames
{
    /// <summary>Wire name of <see cref="IncidentPriority.P1"/>.</summary>
    public const string P1 = "p1";
    /// <summary>Wire name of <see cref="IncidentPriority.P2"/>.</summary>
    public const string P2 = "p2";
    /// <summary>Wire name of <see cref="IncidentPriority.P3"/>.</summary>
    public const string P3 = "p3";

    /// <summary>Every wire name, most urgent first.</summary>
    public static readonly IReadOnlyList<string> All = [P1, P2, P3];

    /// <summary>The wire name of a priority.</summary>
    public static string ToName(this IncidentPriority priority) => priority switch
    {
        IncidentPriority.P1 => P1,
        IncidentPriority.P2 => P2,
        IncidentPriority.P3 => P3,
        _ => throw new ArgumentOutOfRangeException(nameof(priority)),
    };

    /// <summary>Reads a wire name; false for anything but the three exact lower-case names.</summary>
    public static bool TryParse(string? name, out IncidentPriority priority)
    {
        switch (name)
        {
            case P1: priority = IncidentPriority.P1; return true;
            case P2: priority = IncidentPriority.P2; return true;
            case P3: priority = IncidentPriority.P3; return true;
            default: priority = default; return false;
        }
    }
}
