using System.Collections.Immutable;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Centers;

/// <summary>A unit as its center stores it. <see cref="Status"/> stays the wire name (<c>available</c>, ...) because
/// this record is persisted in <see cref="CenterState"/>: a field turned enum would not read states written before.
/// Code reads <see cref="StatusKind"/> instead of parsing the name again.</summary>
[GenerateSerializer, Immutable]
public sealed record ResourceSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string Type,
    [property: Id(2)] string Status,
    [property: Id(3)] double Lat,
    [property: Id(4)] double Lon)
{
    /// <summary>The status as the engine's enum; null for a name no version of the silo wrote.</summary>
    public ResourceStatus? StatusKind => ResourceStatusNames.TryParse(Status, out var status) ? status : null;
}

[GenerateSerializer, Immutable]
public sealed record StockSnapshot([property: Id(0)] int OnHand, [property: Id(1)] int Reserved);

/// <summary>What a center holds for an incident: a unit and maybe a part. <see cref="Mode"/> stays the wire name
/// because holds are persisted in <see cref="CenterState"/>; code reads <see cref="ModeKind"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record Reservation(
    [property: Id(0)] string IncidentId,
    [property: Id(1)] string CenterId,
    [property: Id(2)] string ResourceId,
    [property: Id(3)] string Mode,
    [property: Id(4)] string? Sku,
    [property: Id(5)] DateTimeOffset ReservedAt,
    [property: Id(6)] double EtaMin)
{
    /// <summary>The mode as the engine's enum; null for a name no version of the silo wrote.</summary>
    public DispatchMode? ModeKind => DispatchModeNames.KindOf(Mode);
}

[GenerateSerializer, Immutable]
public sealed record CenterSnapshot(
    [property: Id(0)] string CenterId,
    [property: Id(1)] long NetworkVersion,
    [property: Id(2)] ImmutableArray<ResourceSnapshot> Resources,
    [property: Id(3)] ImmutableDictionary<string, StockSnapshot> Stock,
    [property: Id(4)] ImmutableArray<Reservation> Reservations);

/// <summary>A center's resources and stock as a network document sets them; reservations are kept.</summary>
[GenerateSerializer, Immutable]
public sealed record CenterConfiguration(
    [property: Id(0)] long NetworkVersion,
    [property: Id(1)] ImmutableArray<ResourceSnapshot> Resources,
    [property: Id(2)] ImmutableDictionary<string, StockSnapshot> Stock);

[GenerateSerializer, Immutable]
public sealed record ReserveRequest(
    [property: Id(0)] string IncidentId,
    [property: Id(1)] string ResourceId,
    [property: Id(2)] string Mode,
    [property: Id(3)] string? Sku,
    [property: Id(4)] double EtaMin);

public enum ReserveStatus
{
    Reserved,
    UnknownResource,
    ResourceNotFree,
    PartOutOfStock,
    IncidentHoldsOther,
}

[GenerateSerializer, Immutable]
public sealed record ReserveOutcome([property: Id(0)] ReserveStatus Status, [property: Id(1)] Reservation? Reservation);
