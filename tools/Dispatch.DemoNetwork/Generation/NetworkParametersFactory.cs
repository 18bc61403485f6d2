using Dispatch.Solver.Documents;

namespace Dispatch.DemoNetwork.Generation;

/// <summary>The network-wide parameters of the demo network.</summary>
public static class NetworkParametersFactory
{
    public static NetworkParameters Create() => new()
    {
        TimeZone = "Asia/Shanghai",
        ResourceTypes = FleetCatalog.ResourceTypes(),
        EvTowTypes = [FleetCatalog.Flatbed],
        Faults = FleetCatalog.Faults(),
        // Sending a unit across a provincial line means another dispatch desk, tolls and permits.
        CrossRegionPenaltyMin = 20,
        // A partner costs money and the center controls it less; ten minutes of ETA is worth keeping own units busy.
        PartnerPenaltyMin = 10,
        CoverageLambda = 1.0,
        PriorityCoverageFactor = Ordered(("p1", 0.0), ("p2", 0.5), ("p3", 1.0)),
        PriorityWeight = Ordered(("p1", 4.0), ("p2", 2.0), ("p3", 1.0)),
        UnassignedPenaltyMin = Ordered(("p1", 100_000.0), ("p2", 50_000.0), ("p3", 20_000.0)),
    };

    private static SortedDictionary<string, double> Ordered(params (string Key, double Value)[] entries)
    {
        var map = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return map;
    }
}
