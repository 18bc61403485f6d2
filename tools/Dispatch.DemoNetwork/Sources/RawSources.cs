using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Dispatch.DemoNetwork.Sources;

/// <summary>The pipeline's outputs under data/sources, read back for the build step.</summary>
public sealed record RawSources(IReadOnlyList<RegionSource> Regions, IReadOnlyList<Place> Places)
{
    public const string RegionsFile = "china-regions.raw.geojson";
    public const string PlacesFile = "cn-places.json";

    private static readonly JsonSerializerOptions PlaceOptions = new(JsonSerializerDefaults.Web);

    public static RawSources Load(string sourcesDirectory)
    {
        var regions = ReadRegions(File.ReadAllText(Path.Combine(sourcesDirectory, RegionsFile)));
        var places = JsonSerializer.Deserialize<List<Place>>(File.ReadAllText(Path.Combine(sourcesDirectory, PlacesFile)), PlaceOptions)
            ?? throw new InvalidDataException(PlacesFile + " is empty");
        return new RawSources(regions, places);
    }

    private static List<RegionSource> ReadRegions(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var regions = new List<RegionSource>();
        foreach (var feature in doc.RootElement.GetProperty("features").EnumerateArray())
        {
            var properties = feature.GetProperty("properties");
            var geometry = feature.GetProperty("geometry");
            regions.Add(new RegionSource(
                properties.GetProperty("adcode").GetString()!,
                properties.GetProperty("name").GetString()!,
                properties.GetProperty("nameEn").GetString()!,
                properties.GetProperty("kind").GetString()!,
                ReadMultiPolygon(geometry)));
        }

        return regions;
    }

    // The raw file is a MultiPolygon of single-ring polygons (see data/pipeline/echarts-decode.mjs).
    private static MultiPolygon ReadMultiPolygon(JsonElement geometry)
    {
        if (geometry.GetProperty("type").GetString() != "MultiPolygon")
        {
            throw new InvalidDataException("raw regions must be MultiPolygons");
        }

        var polygons = new List<Polygon>();
        foreach (var polygon in geometry.GetProperty("coordinates").EnumerateArray())
        {
            var rings = polygon.EnumerateArray().Select(ReadRing).ToArray();
            polygons.Add(GeometryFactories.Wgs84.CreatePolygon(rings[0], rings[1..]));
        }

        return GeometryFactories.Wgs84.CreateMultiPolygon([.. polygons]);
    }

    private static LinearRing ReadRing(JsonElement ring)
    {
        var coordinates = ring.EnumerateArray()
            .Select(p => new Coordinate(p[0].GetDouble(), p[1].GetDouble()))
            .ToArray();
        return GeometryFactories.Wgs84.CreateLinearRing(coordinates);
    }
}
