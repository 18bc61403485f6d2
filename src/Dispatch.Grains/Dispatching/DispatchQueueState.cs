using Dispatch.Grains.Centers;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Dispatching;

/// <summary>A case that no unit may take yet, waiting for one to free up (docs/waiting-and-reassign.md).
/// <see cref="Reason"/> is why it waits, as its timeline says it.</summary>
[GenerateSerializer, Immutable]
public sealed record QueuedCase(
    [property: Id(0)] string IncidentId,
    [property: Id(1)] Incident Incident,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset QueuedAt);

/// <summary>The dispatcher's persisted waiting queue. New members take new ids; old ids keep their meaning.</summary>
[GenerateSerializer]
public sealed class DispatchQueueState
{
    /// <summary>Waiting cases in the order they are served (<see cref="QueueOrder"/>).</summary>
    [Id(0)] public List<QueuedCase> Waiting { get; set; } = [];

    /// <summary>Holds the queue made whose cases have not yet said they recorded them; sent again until they do, so
    /// that a lost message or a restart never leaves a unit held for a case that does not know it.</summary>
    [Id(1)] public List<Reservation> ToRecord { get; set; } = [];

    public DispatchQueueState Clone() => new()
    {
        Waiting = [.. Waiting],
        ToRecord = [.. ToRecord],
    };
}
