using System.Collections.Immutable;
using Dispatch.Grains.Centers;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Validation;

namespace Dispatch.Grains.Dispatching;

public enum DispatchStatus
{
    Dispatched,

    /// <summary>The asked-for unit is no longer free; a fresh recommendation comes with it.</summary>
    Conflict,

    /// <summary>Nothing may go; the recommendation says why.</summary>
    Unassignable,
    UnknownResource,

    /// <summary>The asked-for unit or mode cannot serve this incident.</summary>
    NotPossible,
    OutsideServedArea,
    NoNetwork,
}

/// <summary>A dispatcher's answer. <see cref="Queued"/>: the case could not be served now and waits in the queue
/// (docs/waiting-and-reassign.md).</summary>
[GenerateSerializer, Immutable]
public sealed record DispatchDecision(
    [property: Id(0)] DispatchStatus Status,
    [property: Id(1)] DispatchOption? Option,
    [property: Id(2)] Reservation? Reservation,
    [property: Id(3)] RecommendationResult? Recommendation,
    [property: Id(4)] string? Detail,
    [property: Id(5)] bool Queued = false);

public enum NetworkChangeStatus
{
    Accepted,
    Invalid,
    Conflict,
}

[GenerateSerializer, Immutable]
public sealed record NetworkChange(
    [property: Id(0)] NetworkChangeStatus Status,
    [property: Id(1)] ImmutableArray<ValidationError> Errors,
    [property: Id(2)] long Version);

/// <summary>What a case recorded of its assignment, sent along when it completes or cancels: the dispatcher ends the
/// hold at this center even when its own map has lost the reservation.</summary>
[GenerateSerializer, Immutable]
public sealed record RecordedAssignment(
    [property: Id(0)] string CenterId,
    [property: Id(1)] string ResourceId,
    [property: Id(2)] string? Sku)
{
    public static RecordedAssignment Of(Reservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        return new RecordedAssignment(reservation.CenterId, reservation.ResourceId, reservation.Sku);
    }
}
