namespace Dispatch.Solver;

/// <summary>Travel time between two points for a vehicle; a road-network service can replace the default.</summary>
public interface ITravelModel
{
    /// <summary>Minutes for a resource of the given speed and mobilization to reach <paramref name="toLat"/>,
    /// <paramref name="toLon"/> in a region with the given circuity and speed factor.</summary>
    double EtaMinutes(double fromLat, double fromLon, double toLat, double toLon, double speedKmh, double mobilizationMin, double circuity, double speedFactor);
}
