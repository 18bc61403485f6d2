using Dispatch.Solver.Documents;

namespace Dispatch.Silo.Tests.Api.Support;

/// <summary>
/// The network most API tests share: at each of <see cref="Count"/> sites (see <see cref="Places.Site"/>) a
/// direct center <c>c-N</c> with a flatbed <c>r-N-fb</c>, a wheel-lift <c>r-N-wl</c> and a service van
/// <c>r-N-van</c>, three tyres and two batteries. Radius 50 km: a test that works at its own site is alone there.
/// </summary>
internal static class SitesNetwork
{
    public const int Count = 24;
    public const int TiresOnHand = 3;
    public const int BatteriesOnHand = 2;

    public static string Center(int site) => $"c-{site}";

    public static string Flatbed(int site) => $"r-{site}-fb";

    public static string WheelLift(int site) => $"r-{site}-wl";

    public static string Van(int site) => $"r-{site}-van";

    public static GeoPoint At(int site) => Places.Site(site);

    public static NetworkDocument Build()
    {
        var network = ApiNetwork.Create();
        for (var site = 0; site < Count; site++)
        {
            var s = site;
            network.Center(Center(s), At(s), c => c
                .Resource(Flatbed(s), "flatbed")
                .Resource(WheelLift(s), "wheel_lift")
                .Resource(Van(s), "service_van")
                .Stock(IncidentBodies.TireSku, TiresOnHand)
                .Stock("BATT-12V", BatteriesOnHand));
        }

        return network.DemandPoint("d-0", Places.North(At(0), 20), 5).Build();
    }
}
