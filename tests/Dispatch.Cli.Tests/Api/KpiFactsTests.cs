using Dispatch.Cli.Output;
using Dispatch.Cli.Tests.Support;

namespace Dispatch.Cli.Tests.Api;

public class KpiFactsTests
{
    [Fact]
    public void RemoteLateShare_RemoteRegionsOnly_WeightedByIncidents()
    {
        var kpis = SampleKpis.Create(20) with
        {
            ByRegion =
            [
                new("a", "A", true, 10, 10, Solver.Simulation.ResponseStats.None, 0.9),
                new("b", "B", true, 30, 30, Solver.Simulation.ResponseStats.None, 0.5),
                new("c", "C", false, 60, 60, Solver.Simulation.ResponseStats.None, 0.0),
            ],
        };

        // (10 x 0.9 + 30 x 0.5) / 40 = 0.6 within, so 0.4 late; the non-remote region does not count.
        Assert.Equal(0.4, KpiFacts.RemoteLateShare(kpis)!.Value, 12);
    }

    [Fact]
    public void RemoteLateShare_NoRemoteIncident_IsNull()
    {
        var kpis = SampleKpis.Create(20) with { ByRegion = [new("c", "C", false, 5, 5, Solver.Simulation.ResponseStats.None, 1.0)] };

        Assert.Null(KpiFacts.RemoteLateShare(kpis));
    }

    [Fact]
    public void LateShare_IsOneMinusWithinStandard()
    {
        Assert.Equal(0.25, KpiFacts.LateShare(SampleKpis.Create(10, withinStandardShare: 0.75))!.Value, 12);
    }
}
