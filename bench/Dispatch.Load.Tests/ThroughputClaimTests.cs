using Dispatch.Load.Measurement;
using Dispatch.Load.Reporting;

namespace Dispatch.Load.Tests;

public class ThroughputClaimTests
{
    [Fact]
    public void Judge_WellUnderTheCeilingOnTime_IsClaimed()
    {
        var claim = ThroughputClaim.Judge(Phase(requestsPerSecond: 3000), Phase(requestsPerSecond: 20000), 0.7);

        Assert.True(claim.Claimed);
        Assert.Equal(0.15, claim.ShareOfCeiling!.Value, 6);
        Assert.Empty(claim.Reasons);
    }

    [Fact]
    public void Judge_NearTheCeiling_IsGeneratorBound()
    {
        var claim = ThroughputClaim.Judge(Phase(requestsPerSecond: 15000), Phase(requestsPerSecond: 20000), 0.7);

        Assert.False(claim.Claimed);
        Assert.Contains(claim.Reasons, r => r.Contains("ceiling", StringComparison.Ordinal));
    }

    [Fact]
    public void Judge_DroppedOrLagging_IsNotClaimedEvenFarBelowTheCeiling()
    {
        Assert.False(ThroughputClaim.Judge(Phase(requestsPerSecond: 100, dropped: 1), Phase(requestsPerSecond: 20000), 0.7).Claimed);
        Assert.False(ThroughputClaim.Judge(Phase(requestsPerSecond: 100, lagP99Ms: 25), Phase(requestsPerSecond: 20000), 0.7).Claimed);
    }

    [Fact]
    public void Judge_NoCeiling_IsNotClaimed()
    {
        var claim = ThroughputClaim.Judge(Phase(requestsPerSecond: 100), ceiling: null, 0.7);

        Assert.False(claim.Claimed);
        Assert.Null(claim.ShareOfCeiling);
    }

    private static PhaseReport Phase(double requestsPerSecond, long dropped = 0, double lagP99Ms = 1)
    {
        var total = new OperationReport("total", 0, dropped, 0, requestsPerSecond, LatencySummary.Empty, new Dictionary<string, long>());
        return new PhaseReport(
            requestsPerSecond, 10, requestsPerSecond, requestsPerSecond, dropped, lagP99Ms, lagP99Ms,
            [total], total, [], new Dictionary<string, long>(), [], 0, 0);
    }
}
