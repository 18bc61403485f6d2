namespace Dispatch.Solver.Dispatching;

/// <summary>Whether a resource can be sent: only an available one is a candidate.</summary>
public enum ResourceStatus
{
    /// <summary>Free to be sent.</summary>
    Available,

    /// <summary>Bound to an open incident.</summary>
    Assigned,

    /// <summary>Taken out of service; never a candidate.</summary>
    Offline,
}

/// <summary>The wire names of <see cref="ResourceStatus"/> in network documents and the API.</summary>
public static class ResourceStatusNames
{
    /// <summary>Wire name of <see cref="ResourceStatus.Available"/>.</summary>
    public const string Available = "available";
    /// <summary>Wire name of <see cref="ResourceStatus.Assigned"/>.</summary>
    public const string Assigned = "assigned";
    /// <summary>Wire name of <see cref="ResourceStatus.Offline"/>.</summary>
    public const string Offline = "offline";

    /// <summary>The wire name of a status.</summary>
    public static string ToName(this ResourceStatus status) => status switch
    {
        ResourceStatus.Available => Available,
        ResourceStatus.Assigned => Assigned,
        ResourceStatus.Offline => Offline,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Reads a wire name; false for anything but the three exact lower-case names.</summary>
    public static bool TryParse(string? name, out ResourceStatus status)
    {
        switch (name)
        {
            case Available: status = ResourceStatus.Available; return true;
            case Assigned: status = ResourceStatus.Assigned; return true;
            case Offline: status = ResourceStatus.Offline; return true;
            default: status = default; return false;
        }
    }
}
