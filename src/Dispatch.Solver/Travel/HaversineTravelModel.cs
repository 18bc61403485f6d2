using Dispatch.Solver.Geography;

namespace Dispatch.Solver.Travel;

/// <summary>The contract's model: mobilization + great-circle km × circuity at speed × speed factor.</summary>
public sealed class HaversineTravelModel : ITravelModel
{
    /// <summary>The model is stateless, so one instance serves everyone.</summary>
    public static HaversineTravelModel Instance { get; } = new();

    /// <inheritdoc/>
    public double EtaMinutes(double fromLat, double fromLon, double toLat, double toLon, TravelProfile profile) =>
        MinEtaMinutes(Haversine.Km(fromLat, fromLon, toLat, toLon), profile);

    /// <inheritdoc/>
    /// <remarks>Exact here: the model depends on distance alone, so the bound is the ETA itself.</remarks>
    public double MinEtaMinutes(double greatCircleKm, TravelProfile profile) =>
        profile.MobilizationMin + (60 * greatCircleKm * profile.Circuity / (profile.SpeedKmh * profile.SpeedFactor));
}
