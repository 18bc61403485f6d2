namespace Dispatch.Grains.Incidents;

/// <summary>The timeline entries of the waiting queue and of reassignment (docs/waiting-and-reassign.md).</summary>
public static class QueueTimeline
{
    /// <summary>No unit may take the case now; it waits. Detail: why (<see cref="Dispatching.WaitingReason"/>).</summary>
    public const string Waiting = "waiting";

    /// <summary>The unit was released for another. Resource: the released unit; detail: the agent's reason.</summary>
    public const string Reassigned = "reassigned";

    /// <summary>Detail of a <c>dispatched</c> entry that the waiting queue made.</summary>
    public const string FromQueue = "from_queue";
}
