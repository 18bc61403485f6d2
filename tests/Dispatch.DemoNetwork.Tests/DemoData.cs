using Dispatch.DemoNetwork;
using Dispatch.DemoNetwork.Generation;
using Dispatch.DemoNetwork.Geography;
using Dispatch.DemoNetwork.Sources;
using Dispatch.Solver.Documents;

namespace Dispatch.DemoNetwork.Tests;

/// <summary>The checked-in data files and one generation run from the checked-in sources, shared by all
/// tests (generation takes a few seconds).</summary>
public static class DemoData
{
    private static readonly Lazy<DemoNetworkArtifacts> LazyGenerated = new(() => DemoNetworkGenerator.Generate(RawSources.Load(SourcesDirectory)));

    private static readonly Lazy<NetworkDocument> LazyCheckedIn = new(() => DocumentJson.ParseNetwork(ReadCheckedIn(DemoNetworkArtifacts.NetworkFile)));

    public static string DataDirectory { get; } = RepositoryPaths.DataDirectory();

    public static string SourcesDirectory => Path.Combine(DataDirectory, "sources");

    public static DemoNetworkArtifacts Generated => LazyGenerated.Value;

    /// <summary>data/demo-network.json as a document, the way a host would load it.</summary>
    public static NetworkDocument CheckedInNetwork => LazyCheckedIn.Value;

    public static string ReadCheckedIn(string fileName) => File.ReadAllText(Path.Combine(DataDirectory, fileName));

    /// <summary>A locator over the regions of the checked-in document, independent of the generator's own.</summary>
    public static RegionLocator DocumentRegions()
    {
        var shapes = CheckedInNetwork.Regions!
            .Select(r => new RegionShape(r.Code!, r.Name!, r.Name!, "region", GeoJsonReading.ReadPolygonal(r.Geometry!)))
            .ToList();
        return new RegionLocator(shapes);
    }
}
