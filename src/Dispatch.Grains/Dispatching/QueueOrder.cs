using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Dispatching;

/// <summary>The order of the waiting queue, as the simulator's (docs/dispatch-semantics.md "Simulation"): priority
/// (p1 first), then the time reported, then the id (ordinal). A priority no version wrote ranks after p3.</summary>
public sealed class QueueOrder : IComparer<QueuedCase>
{
    public static QueueOrder Instance { get; } = new();

    public int Compare(QueuedCase? x, QueuedCase? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byPriority = Rank(x.Incident.Priority).CompareTo(Rank(y.Incident.Priority));
        if (byPriority != 0)
        {
            return byPriority;
        }

        var byTime = x.Incident.ReportedAt.CompareTo(y.Incident.ReportedAt);
        return byTime != 0 ? byTime : string.CompareOrdinal(x.IncidentId, y.IncidentId);
    }

    private static int Rank(string priority) => IncidentPriorityNames.TryParse(priority, out var p) ? (int)p : int.MaxValue;
}
