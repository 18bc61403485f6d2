using System.Collections.Immutable;
using Dispatch.Solver.Documents;

namespace Dispatch.Grains.Replication;

/// <summary>A unit as it stands after a decision: absolute values, so applying an update twice changes nothing.</summary>
[GenerateSerializer, Immutable]
public sealed record UnitState([property: Id(0)] string ResourceId, [property: Id(1)] string Status, [property: Id(2)] double Lat, [property: Id(3)] double Lon);

/// <summary>A center's stock of one part after a decision.</summary>
[GenerateSerializer, Immutable]
public sealed record StockState([property: Id(0)] string CenterId, [property: Id(1)] string Sku, [property: Id(2)] int OnHand, [property: Id(3)] int Reserved);

/// <summary>What one answered write changed, numbered within the dispatcher activation (<see cref="Epoch"/>) that made it.
/// A replica applies it only on top of <see cref="BaseVersion"/>; otherwise it asks for a snapshot.</summary>
[GenerateSerializer, Immutable]
public sealed record ReplicaUpdate(
    [property: Id(0)] Guid Epoch,
    [property: Id(1)] long BaseVersion,
    [property: Id(2)] long Version,
    [property: Id(3)] ImmutableArray<UnitState> Units,
    [property: Id(4)] ImmutableArray<StockState> Stock,
    [property: Id(5)] NetworkDocument? Network);

/// <summary>The dispatcher's answer to a replica's renewal: its epoch and version, whether it holds a network at all,
/// and the whole live network when the replica is behind.</summary>
[GenerateSerializer, Immutable]
public sealed record ReplicaLease(
    [property: Id(0)] Guid Epoch,
    [property: Id(1)] long Version,
    [property: Id(2)] bool HasNetwork,
    [property: Id(3)] NetworkDocument? Snapshot);
