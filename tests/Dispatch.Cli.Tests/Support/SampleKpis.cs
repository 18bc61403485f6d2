using Dispatch.Solver.Simulation;

namespace Dispatch.Cli.Tests.Support;

/// <summary>KPIs made up for tests of what the CLI does with them (tables, JSON), not of the simulator.</summary>
public static class SampleKpis
{
    public static SimulationKpis Create(int incidents, double withinStandardShare = 0.8) => new(
        incidents,
        Served: incidents - 1,
        Unserved: 1,
        Queued: 2,
        new ResponseStats(42.5, 35, 80, 95, 210),
        withinStandardShare,
        [
            new RegionKpis("east", "East", false, incidents - 4, incidents - 5, new ResponseStats(30, 28, 50, 60, 90), 0.9),
            new RegionKpis("west", "West Plateau", true, 4, 4, new ResponseStats(120, 110, 170, 180, 210), 0.5),
        ],
        [new BusyShare("c-east", "flatbed", 0.4)],
        new Dictionary<string, int> { ["TIRE-225/55R17"] = 3 },
        StockOuts: 1,
        new Dictionary<string, CoverageShare> { ["tow"] = new(0.9, 0.7) },
        new ResponseHistogram(10, [0, 4, 6, 3, 1]),
        [new CoverageSample(0, "tow", 0.92, 0.7), new CoverageSample(60, "tow", 0.88, 0.7)]);
}
