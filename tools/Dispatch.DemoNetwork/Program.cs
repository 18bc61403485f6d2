using Dispatch.DemoNetwork;
using Dispatch.DemoNetwork.Export;
using Dispatch.DemoNetwork.Generation;
using Dispatch.DemoNetwork.Sources;

// dotnet run --project tools/Dispatch.DemoNetwork -- build [--data <dir>]
// Reads data/sources (written by data/pipeline/extract.mjs), writes regions.geojson, demo-network.json,
// demo-network.geojson and demo-network.png into the data directory.
if (args.Length == 0 || args[0] != "build")
{
    Console.Error.WriteLine("usage: Dispatch.DemoNetwork build [--data <data directory>]");
    return 2;
}

var dataDirectory = args.Length >= 3 && args[1] == "--data" ? Path.GetFullPath(args[2]) : RepositoryPaths.DataDirectory();
var sources = RawSources.Load(Path.Combine(dataDirectory, "sources"));
var artifacts = DemoNetworkGenerator.Generate(sources);
DemoNetworkGenerator.WriteFiles(artifacts, dataDirectory);
NetworkMapRenderer.Render(artifacts.Regions, artifacts.Network, Path.Combine(dataDirectory, DemoNetworkArtifacts.MapFile));

var network = artifacts.Network;
var centers = network.Centers!;
Console.WriteLine($"regions: {network.Regions!.Count} served of {artifacts.Regions.Count}");
Console.WriteLine($"centers: {centers.Count} ({centers.Count(c => c.Kind == "direct")} direct, {centers.Count(c => c.Kind == "partner")} partner)");
Console.WriteLine($"resources: {centers.Sum(c => c.Resources!.Count)}");
foreach (var group in centers.SelectMany(c => c.Resources!).GroupBy(r => r.Type!).OrderBy(g => g.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"  {group.Key}: {group.Count()}");
}

Console.WriteLine($"demand points: {network.DemandPoints!.Count}");
Console.WriteLine($"rules: {network.Rules!.Count}");
Console.WriteLine($"written to {dataDirectory}");
return 0;
