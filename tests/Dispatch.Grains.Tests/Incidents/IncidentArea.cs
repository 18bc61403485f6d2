using Dispatch.Grains.Dispatching;
using Dispatch.Grains.Incidents;
using Dispatch.Solver.Documents;

namespace Dispatch.Grains.Tests.Incidents;

/// <summary>A patch of the network that incident grains use (<see cref="IncidentGrain.Network"/>), set aside for one
/// test: a site, a center 10 km north and one 40 km north of it, each with a flatbed and a service van and tyres.</summary>
/// <remarks>Incident grains all talk to one dispatcher, so each test adds its own patch to that one network (the
/// document from GET put back with more centers, as an operator would). Sites lie a degree apart and the centers
/// serve 50 km around them, so no test's units can serve another test's incidents.</remarks>
public sealed class IncidentArea
{
    private const int SitesPerRow = 10;
    private static int lastSite;

    private IncidentArea(NetworkBuilder network, GeoPoint site)
    {
        Network = network;
        Site = site;
    }

    public NetworkBuilder Network { get; }

    /// <summary>Where this test's incidents happen.</summary>
    public GeoPoint Site { get; }

    public string Near => Network.CenterId("near");

    public string Far => Network.CenterId("far");

    public string NearFlatbed => Network.Key + "-fb-near";

    public string NearVan => Network.Key + "-van-near";

    public string FarFlatbed => Network.Key + "-fb-far";

    public GeoPoint NearLocation => Places.North(Site, 10);

    public static async Task<IncidentArea> AddAsync(IGrainFactory grains, int tyres = 2)
    {
        var slot = Interlocked.Increment(ref lastSite);
        if (slot >= SitesPerRow * SitesPerRow)
        {
            throw new InvalidOperationException("the test region has room for " + (SitesPerRow * SitesPerRow) + " incident areas");
        }

        var site = new GeoPoint(20.5 + (slot / SitesPerRow), 100.5 + (slot % SitesPerRow));
        var network = GrainsNetwork.Create();
        var area = new IncidentArea(network, site);
        network
            .KeyedCenter("near", Places.North(site, 10), 50, tyres, (area.NearFlatbed, "flatbed"), (area.NearVan, "service_van"))
            .KeyedCenter("far", Places.North(site, 40), 50, tyres, (area.FarFlatbed, "flatbed"));

        var dispatcher = grains.GetGrain<IDispatcherGrain>(IncidentGrain.Network);
        var current = await dispatcher.GetNetworkAsync();
        var added = network.Build();
        var document = current is null ? added : current with { Centers = [.. current.Centers!, .. added.Centers!] };
        var change = await dispatcher.ReplaceNetworkAsync(document);
        Assert.True(change.Status == NetworkChangeStatus.Accepted, string.Join("; ", change.Errors.Select(e => e.Path + ": " + e.Message)));
        return area;
    }
}
