using System.Text.Json;
using Dispatch.Solver.Documents;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Valid;

namespace Dispatch.Solver.Geography;

/// <summary>Reads the Polygon and MultiPolygon geometries of regions and rule zones.</summary>
internal static class GeoJsonGeometry
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(Factory));
        return options;
    }

    /// <summary>Parses a polygonal GeoJSON geometry and checks that it is valid (closed rings, no
    /// self-intersection, coordinates in range).</summary>
    public static bool TryParsePolygonal(GeoJsonValue? value, out Geometry? geometry, out string? error)
    {
        geometry = null;
        if (value is null)
        {
            error = "a GeoJSON Polygon or MultiPolygon is required";
            return false;
        }

        if (!TryReadTypeAndRings(value.Json, out error))
        {
            return false;
        }

        Geometry? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<Geometry>(value.Json, Options);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException or FormatException)
        {
            error = "invalid GeoJSON geometry: " + ex.Message;
            return false;
        }

        if (parsed is not (Polygon or MultiPolygon))
        {
            error = "must be a GeoJSON Polygon or MultiPolygon";
            return false;
        }

        foreach (var c in parsed.Coordinates)
        {
            if (!double.IsFinite(c.X) || !double.IsFinite(c.Y) || c.X is < -180 or > 180 || c.Y is < -90 or > 90)
            {
                error = $"coordinate [{c.X}, {c.Y}] is out of range";
                return false;
            }
        }

        var validity = new IsValidOp(parsed).ValidationError;
        if (validity is not null)
        {
            error = $"invalid polygon: {validity.Message} at [{validity.Coordinate?.X}, {validity.Coordinate?.Y}]";
            return false;
        }

        geometry = parsed;
        error = null;
        return true;
    }

    // The reader closes nothing and checks little, so ring closure and shape are checked on the raw JSON first.
    private static bool TryReadTypeAndRings(string json, out string? error)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                error = "must be a GeoJSON geometry object with a \"type\"";
                return false;
            }

            if (!root.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
            {
                error = "\"coordinates\" must be an array";
                return false;
            }

            switch (type.GetString())
            {
                case "Polygon":
                    return CheckPolygon(coordinates, "coordinates", out error);
                case "MultiPolygon":
                    var i = 0;
                    foreach (var polygon in coordinates.EnumerateArray())
                    {
                        if (!CheckPolygon(polygon, $"coordinates[{i}]", out error))
                        {
                            return false;
                        }

                        i++;
                    }

                    if (i == 0)
                    {
                        error = "a MultiPolygon needs at least one polygon";
                        return false;
                    }

                    error = null;
                    return true;
                default:
                    error = "must be a GeoJSON Polygon or MultiPolygon";
                    return false;
            }
        }
        catch (JsonException ex)
        {
            error = "invalid GeoJSON: " + ex.Message;
            return false;
        }
    }

    private static bool CheckPolygon(JsonElement polygon, string path, out string? error)
    {
        if (polygon.ValueKind != JsonValueKind.Array || polygon.GetArrayLength() == 0)
        {
            error = $"{path} must be a non-empty array of linear rings";
            return false;
        }

        var r = 0;
        foreach (var ring in polygon.EnumerateArray())
        {
            if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() < 4)
            {
                error = $"{path}[{r}] must be a linear ring of at least 4 positions";
                return false;
            }

            foreach (var position in ring.EnumerateArray())
            {
                if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                    || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
                {
                    error = $"{path}[{r}] has a position that is not [lon, lat]";
                    return false;
                }
            }

            var first = ring[0];
            var last = ring[ring.GetArrayLength() - 1];
            if (first[0].GetDouble() != last[0].GetDouble() || first[1].GetDouble() != last[1].GetDouble())
            {
                error = $"{path}[{r}] is not closed (first and last positions differ)";
                return false;
            }

            r++;
        }

        error = null;
        return true;
    }
}
