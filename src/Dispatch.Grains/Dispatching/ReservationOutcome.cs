using Dispatch.Grains.Centers;

namespace Dispatch.Grains.Dispatching;

public enum ReservationResult
{
    /// <summary>The center holds the asked-for unit for the incident.</summary>
    Reserved,

    /// <summary>The incident already held another unit (an earlier attempt whose answer was lost): that hold is its
    /// assignment.</summary>
    Adopted,

    /// <summary>The unit (or its part) could not be held; <see cref="ReservationOutcome.Refusal"/> says why.</summary>
    Refused,
}

/// <summary>How one run of the reservation sequence ended: the hold the incident now has, or why it has none.</summary>
public sealed record ReservationOutcome(ReservationResult Result, Reservation? Reservation, ReserveStatus Refusal)
{
    public static ReservationOutcome Reserved(Reservation reservation) => new(ReservationResult.Reserved, reservation, ReserveStatus.Reserved);

    public static ReservationOutcome Adopted(Reservation existing) => new(ReservationResult.Adopted, existing, ReserveStatus.IncidentHoldsOther);

    public static ReservationOutcome Refused(ReserveStatus status) => new(ReservationResult.Refused, null, status);
}
