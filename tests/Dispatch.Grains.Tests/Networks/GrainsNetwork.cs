using Dispatch.Solver.Documents;

namespace Dispatch.Grains.Tests.Networks;

/// <summary>The network the grain tests build: region R1 only, and two faults, <c>stuck</c> (tow) and
/// <c>flat_tire</c> (onsite with a tyre, or tow with penalty 30), each half an hour of work.</summary>
/// <remarks>Centers are keyed under the network's <see cref="NetworkBuilder.Key"/>, because center grains are keyed by
/// center id across the shared cluster.</remarks>
public static class GrainsNetwork
{
    public static NetworkBuilder Create() => NetworkBuilder.Create()
        .RemoveRegion(NetworkBuilder.NorthRegion)
        .NoFaults()
        .Fault("stuck", Modes.Tow(["flatbed", "wheel_lift"], serviceMin: 30))
        .Fault("flat_tire", Modes.Onsite(["service_van"], part: "TIRE-{tireSpec}"), Modes.Tow(["flatbed", "wheel_lift"], penaltyMin: 30, serviceMin: 30));

    /// <summary>Adds a direct center named under the network's key, radius 1000 km, with units standing at the center
    /// and <paramref name="tyres"/> of <see cref="TestIncidents.Tyre"/> in stock.</summary>
    public static NetworkBuilder KeyedCenter(this NetworkBuilder network, string name, GeoPoint location, int tyres = 0, params (string Id, string Type)[] units) =>
        network.KeyedCenter(name, location, CenterBuilder.DefaultRadiusKm, tyres, units);

    public static NetworkBuilder KeyedCenter(this NetworkBuilder network, string name, GeoPoint location, double radiusKm, int tyres, params (string Id, string Type)[] units) =>
        network.Center(network.CenterId(name), location, center =>
        {
            center.Radius(radiusKm);
            foreach (var (id, type) in units)
            {
                center.Resource(id, type);
            }

            if (tyres > 0)
            {
                center.Stock(TestIncidents.Tyre, tyres);
            }
        });
}
