using System.Text.Json;
using Dispatch.Solver.Documents;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Dispatch.DemoNetwork.Tests;

/// <summary>Reads geometries with NTS's own GeoJSON reader, so the tests do not trust the tool's writer.</summary>
public static class GeoJsonReading
{
    private static readonly JsonSerializerOptions Options = Create();

    public static Geometry ReadPolygonal(GeoJsonValue value) => ReadGeometry(value.Json);

    public static Geometry ReadGeometry(string json) =>
        JsonSerializer.Deserialize<Geometry>(json, Options) ?? throw new JsonException("null geometry");

    public static NetTopologySuite.Features.FeatureCollection ReadFeatureCollection(string json) =>
        JsonSerializer.Deserialize<NetTopologySuite.Features.FeatureCollection>(json, Options) ?? throw new JsonException("null collection");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(new GeometryFactory(new PrecisionModel(), 4326)));
        return options;
    }
}
