using System.Collections.Immutable;
using Dispatch.Grains.Centers;
using Dispatch.Solver.Batch.Live;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Grains.Dispatching;

/// <summary>An open incident of a surge batch, by its case id.</summary>
[GenerateSerializer, Immutable]
public sealed record BatchIncident([property: Id(0)] string Id, [property: Id(1)] Incident Incident);

public enum BatchStatus
{
    Solved,
    NoNetwork,
}

/// <summary>Why an incident of a batch got nothing, beyond the solver's own reasons.</summary>
public static class BatchGrainReasons
{
    /// <summary>The incident already holds a unit; the batch left it as it was.</summary>
    public const string AlreadyDispatched = "already_dispatched";

    /// <summary>Its reservation was refused again and again as the world kept changing; the batch gave up on it.</summary>
    public const string ReservationRefused = "reservation_refused";
}

/// <summary>
/// The batch's answer. With commit, <see cref="Result"/> lists only assignments that the centers accepted, and
/// <see cref="Reservations"/> holds their reservations (same order), then any hold an earlier attempt had already
/// made for an incident (that incident is listed as already dispatched). <see cref="Resolved"/> counts the re-solves
/// after a center refused a reservation (its state had moved on from the index); <see cref="Notes"/> says what
/// happened each time. After a re-solve the objective is that of the final answer against the state each part was
/// solved on, and it is not claimed optimal.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BatchDecision(
    [property: Id(0)] BatchStatus Status,
    [property: Id(1)] LiveBatchResult? Result,
    [property: Id(2)] bool Committed,
    [property: Id(3)] ImmutableArray<Reservation> Reservations,
    [property: Id(4)] int Resolved,
    [property: Id(5)] ImmutableArray<string> Notes);

/// <summary>The live network as a batch is solved on, handed out in one short turn, and which of the batch's
/// incidents already hold a unit. <see cref="Network"/> is null before any network is loaded.</summary>
[GenerateSerializer, Immutable]
public sealed record BatchSnapshot(
    [property: Id(0)] NetworkDocument? Network,
    [property: Id(1)] ImmutableArray<string> AlreadyHeld);

/// <summary>One turn of a batch's reservations: the holds made for the first assignments, in order. When the turn
/// stopped early, <see cref="Stopped"/> says why, and <see cref="Adopted"/> is the hold the next incident already
/// had, if that was the reason.</summary>
[GenerateSerializer, Immutable]
public sealed record BatchReservations(
    [property: Id(0)] ImmutableArray<Reservation> Reserved,
    [property: Id(1)] Reservation? Adopted,
    [property: Id(2)] string? Stopped);
