using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Tests.Placement;

/// <summary>
/// The test world for placement: flatbeds drive 60 km/h after 10 minutes' mobilization. R1 (south) is plain
/// (circuity 1, speed factor 1, standard 60, coverage weight 1); R2 (north) is remote-like (circuity 1.5, speed factor
/// 0.5, standard 120, coverage weight 2.5). So a flatbed needs 10 + km minutes to a point in R1 and 10 + 3 km to a
/// point in R2.
/// </summary>
internal static class PlacementNetworks
{
    /// <summary>In R1, 30 km south of <see cref="Places.Base"/>: 40 minutes from c-south.</summary>
    public static GeoPoint NearSouth { get; } = Places.South(Places.Base, 30);

    /// <summary>In R1, 100 km south of <see cref="Places.Base"/>: 110 minutes from c-south.</summary>
    public static GeoPoint FarSouth { get; } = Places.South(Places.Base, 100);

    /// <summary>In R2, 20 km north of <see cref="Places.NorthBase"/>.</summary>
    public static GeoPoint NearNorth { get; } = Places.North(Places.NorthBase, 20);

    public static NetworkBuilder Create() =>
        NetworkBuilder.Create()
            .ResourceType("flatbed", speedKmh: 60, mobilizationMin: 10)
            .ChangeRegion(NetworkBuilder.NorthRegion, r => r with { Circuity = 1.5, SpeedFactor = 0.5, CoverageStandardMin = 120, CoverageWeight = 2.5, Remote = true })
            .DemandPoint("d-near", NearSouth, 4)
            .DemandPoint("d-far", FarSouth, 2)
            .DemandPoint("d-north", NearNorth, 3);

    /// <summary>c-south at <see cref="Places.Base"/> with one available flatbed, c-north at
    /// <see cref="Places.NorthBase"/> with a wheel-lift only.</summary>
    public static NetworkBuilder WithTwoCenters() =>
        Create()
            .Center("c-south", Places.Base, c => c.Resource("fb-south", "flatbed"))
            .Center("c-north", Places.NorthBase, c => c.Resource("wl-north", "wheel_lift"));
}
