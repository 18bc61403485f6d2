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

[GenerateSerializer, Immutable]
public sealed record DispatchDecision(
    [property: Id(0)] DispatchStatus Status,
    [property: Id(1)] DispatchOption? Option,
    [property: Id(2)] Reservation? Reservation,
    [property: Id(3)] RecommendationResult? Recommendation,
    [property: Id(4)] string? Detail);

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
