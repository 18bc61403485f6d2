namespace Dispatch.Solver.Dispatching;

public enum ResourceStatus
{
    Available,
    Assigned,
    Offline,
}

public static class ResourceStatusNames
{
    public const string Available = "available";
    public const string Assigned = "assigned";
    public const string Offline = "offline";

    public static string ToName(this ResourceStatus status) => status switch
    {
        ResourceStatus.Available => Available,
        ResourceStatus.Assigned => Assigned,
        ResourceStatus.Offline => Offline,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

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
