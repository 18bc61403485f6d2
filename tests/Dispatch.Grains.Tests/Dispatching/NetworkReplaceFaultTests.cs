using Dispatch.Grains.Centers;
using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Tests.Faults;
using Dispatch.Grains.Tests.Networks;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Tests.Dispatching;

/// <summary>A network replacement whose center configuration fails after the document is committed: the index is the
/// new network's at once, and no decision is made until every center has the new configuration.</summary>
public sealed class NetworkReplaceFaultTests(FaultyCentersFixture fixture) : IClassFixture<FaultyCentersFixture>
{
    [Fact]
    public async Task ReplaceNetworkAsync_CenterConfigurationFails_NewIndexAtOnceAndNoDecisionUntilEveryCenterHasIt()
    {
        var net = await TwoCenters.LoadAsync(fixture.Grains);
        var before = (await Center(net.Far).GetAsync()).NetworkVersion;
        var document = net.Network.Build();
        var offline = document with
        {
            Centers = [.. document.Centers!.Select(c => c.Id != net.Near ? c : c with
            {
                Resources = [.. c.Resources!.Select(r => r.Id == TwoCenters.NearFlatbed ? r with { Status = "offline" } : r)],
            })],
        };
        fixture.Faults.FailNext(net.Far, nameof(IServiceCenterGrain.ConfigureAsync));
        fixture.Faults.FailNext(net.Far, nameof(IServiceCenterGrain.ConfigureAsync));

        var failed = await Assert.ThrowsAnyAsync<Exception>(() => net.Dispatcher.ReplaceNetworkAsync(offline));
        var recommended = await net.Dispatcher.RecommendAsync(TestIncidents.Stuck(Places.MidSouth), RecommendationQuery.All);

        Assert.Contains(CenterFaults.FailureMessage, failed.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(TwoCenters.NearFlatbed, recommended?.Recommendation?.ResourceId);
        Assert.Contains(new ExcludedResource(TwoCenters.NearFlatbed, net.Near, ReasonCodes.NotAvailable), recommended!.Excluded);
        var committed = (await Center(net.Near).GetAsync()).NetworkVersion;
        Assert.True(committed > before);

        // Whenever a decision goes through, the center that failed has the committed configuration.
        DispatchDecision? decision = null;
        for (var attempt = 0; attempt < 5 && decision is null; attempt++)
        {
            try
            {
                decision = await net.Dispatcher.DispatchAsync(TestIncidents.NewId(), TestIncidents.Stuck(Places.MidSouth), null, null);
            }
            catch (Exception error) when (error.ToString().Contains(CenterFaults.FailureMessage, StringComparison.Ordinal))
            {
                Assert.NotEqual(committed, (await Center(net.Far).GetAsync()).NetworkVersion);
            }
        }

        Assert.Equal(DispatchStatus.Dispatched, decision?.Status);
        Assert.Equal(TwoCenters.FarFlatbed, decision!.Reservation!.ResourceId);
        Assert.Equal(committed, (await Center(net.Far).GetAsync()).NetworkVersion);
    }

    private IServiceCenterGrain Center(string id) => fixture.Grains.GetGrain<IServiceCenterGrain>(id);
}
