namespace Dispatch.Solver.Travel;

/// <summary>Travel time between two points; a road-network service can replace the default model.</summary>
public interface ITravelModel
{
    /// <summary>Minutes from dispatch until arrival, mobilization included, for a resource of this profile.</summary>
    double EtaMinutes(double fromLat, double fromLon, double toLat, double toLon, TravelProfile profile);

    /// <summary>A lower bound of <see cref="EtaMinutes"/> for any trip of at least this great-circle length;
    /// the recommendation prunes with it, so it must never exceed a real ETA.</summary>
    double MinEtaMinutes(double greatCircleKm, TravelProfile profile);
}
