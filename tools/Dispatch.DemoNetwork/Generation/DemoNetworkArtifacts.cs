using Dispatch.DemoNetwork.Geography;
using Dispatch.Solver.Documents;

namespace Dispatch.DemoNetwork.Generation;

/// <summary>Everything one generation run produces; the texts are what goes into data/ byte for byte.</summary>
public sealed record DemoNetworkArtifacts(
    IReadOnlyList<RegionShape> Regions,
    IReadOnlyList<PlannedCenter> PlannedCenters,
    NetworkDocument Network,
    string RegionsGeoJson,
    string NetworkJson,
    string NetworkGeoJson)
{
    public const string RegionsFile = "regions.geojson";
    public const string NetworkFile = "demo-network.json";
    public const string NetworkGeoJsonFile = "demo-network.geojson";
    public const string MapFile = "demo-network.png";
}
