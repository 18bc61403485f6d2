using Dispatch.Grains.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Grains.Tests.Dispatching;

/// <summary>The network most dispatcher tests use: incidents at <see cref="Places.MidSouth"/>, a near center 10 km north
/// and a far one 40 km north, each with a flatbed, service vans (two at the near one) and one tyre.</summary>
public sealed class TwoCenters
{
    public const string NearFlatbed = "fb-near";
    public const string NearVan = "van-near";
    public const string NearVan2 = "van-near-2";
    public const string FarFlatbed = "fb-far";
    public const string FarVan = "van-far";

    private TwoCenters(NetworkBuilder network, IDispatcherGrain dispatcher)
    {
        Network = network;
        Dispatcher = dispatcher;
    }

    public static GeoPoint NearLocation { get; } = Places.North(Places.MidSouth, 10);

    public static GeoPoint FarLocation { get; } = Places.North(Places.MidSouth, 40);

    public NetworkBuilder Network { get; }

    public IDispatcherGrain Dispatcher { get; }

    public string Near => Network.CenterId("near");

    public string Far => Network.CenterId("far");

    public static NetworkBuilder Document(int tyres = 1) => GrainsNetwork.Create()
        .KeyedCenter("near", NearLocation, tyres, (NearFlatbed, "flatbed"), (NearVan, "service_van"), (NearVan2, "service_van"))
        .KeyedCenter("far", FarLocation, tyres, (FarFlatbed, "flatbed"), (FarVan, "service_van"));

    /// <summary>Loads the network into a fresh dispatcher, as PUT /v1/network does.</summary>
    public static async Task<TwoCenters> LoadAsync(IGrainFactory grains, int tyres = 1)
    {
        var network = Document(tyres);
        var dispatcher = grains.GetGrain<IDispatcherGrain>(network.Key);
        var change = await dispatcher.ReplaceNetworkAsync(network.Build());
        Assert.Equal(NetworkChangeStatus.Accepted, change.Status);
        return new TwoCenters(network, dispatcher);
    }
}
