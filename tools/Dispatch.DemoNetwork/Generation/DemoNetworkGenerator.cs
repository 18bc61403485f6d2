using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dispatch.DemoNetwork.Export;
using Dispatch.DemoNetwork.Geography;
using Dispatch.DemoNetwork.Sources;
using Dispatch.Solver.Documents;

namespace Dispatch.DemoNetwork.Generation;

/// <summary>Builds the demo network from the raw sources. Deterministic: same sources and seed, same bytes.</summary>
public static class DemoNetworkGenerator
{
    public const ulong DefaultSeed = 20_240_601;

    private static readonly JsonSerializerOptions IndentedDocumentOptions = new(DocumentJson.Options)
    {
        WriteIndented = true,
        // Keep Chinese names and ’ readable in the files instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new CompactGeoJsonValueConverter(), new PlainGeoPointConverter() },
    };

    public static DemoNetworkArtifacts Generate(RawSources sources, ulong seed = DefaultSeed)
    {
        var regions = sources.Regions
            .OrderBy(r => r.Adcode, StringComparer.Ordinal)
            .Select(RegionCleaner.Clean)
            .ToList();
        var mainland = regions.Where(r => r.IsMainland).ToList();

        var places = PlaceSiting.Site(sources.Places.OrderBy(p => p.GeonameId), new RegionLocator(mainland));
        var planned = CenterPlanner.Plan(places);

        var network = new NetworkDocument
        {
            Parameters = NetworkParametersFactory.Create(),
            Regions = mainland.Select(ToRegionDocument).ToList(),
            Centers = planned.Select(c => FleetBuilder.Build(c, seed)).ToList(),
            DemandPoints = DemandBuilder.Build(places),
            Rules = AccessRules.Build(),
        };

        return new DemoNetworkArtifacts(
            regions,
            planned,
            network,
            RegionsGeoJsonWriter.Write(regions),
            JsonSerializer.Serialize(network, IndentedDocumentOptions) + "\n",
            NetworkGeoJsonExporter.Export(network));
    }

    /// <summary>Writes the text artifacts into the data directory (the PNG map is written separately).</summary>
    public static void WriteFiles(DemoNetworkArtifacts artifacts, string dataDirectory)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        File.WriteAllText(Path.Combine(dataDirectory, DemoNetworkArtifacts.RegionsFile), artifacts.RegionsGeoJson, utf8);
        File.WriteAllText(Path.Combine(dataDirectory, DemoNetworkArtifacts.NetworkFile), artifacts.NetworkJson, utf8);
        File.WriteAllText(Path.Combine(dataDirectory, DemoNetworkArtifacts.NetworkGeoJsonFile), artifacts.NetworkGeoJson, utf8);
    }

    private static RegionDocument ToRegionDocument(RegionShape region)
    {
        var profile = RegionProfiles.For(region.Adcode);
        return new RegionDocument
        {
            Code = region.Adcode,
            Name = region.NameEn,
            Geometry = GeoJsonValue.FromJson(GeoJsonText.Write(region.Geometry)),
            Remote = profile.Remote,
            CoverageStandardMin = profile.CoverageStandardMin,
            CoverageWeight = profile.CoverageWeight,
            Circuity = profile.Circuity,
            SpeedFactor = profile.SpeedFactor,
        };
    }
}
