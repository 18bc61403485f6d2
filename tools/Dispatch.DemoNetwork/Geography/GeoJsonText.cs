using System.Text;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Dispatch.DemoNetwork.Geography;

/// <summary>Writes NTS geometries as GeoJSON with a fixed layout, so the output is byte-stable.</summary>
public static class GeoJsonText
{
    public static string Write(Geometry geometry)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteGeometry(writer, geometry);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void WriteGeometry(Utf8JsonWriter writer, Geometry geometry)
    {
        writer.WriteStartObject();
        switch (geometry)
        {
            case Point point:
                writer.WriteString("type", "Point");
                writer.WritePropertyName("coordinates");
                WritePosition(writer, point.Coordinate);
                break;
            case Polygon polygon:
                writer.WriteString("type", "Polygon");
                writer.WritePropertyName("coordinates");
                WritePolygon(writer, polygon);
                break;
            case MultiPolygon multi:
                writer.WriteString("type", "MultiPolygon");
                writer.WritePropertyName("coordinates");
                writer.WriteStartArray();
                for (var i = 0; i < multi.NumGeometries; i++)
                {
                    WritePolygon(writer, (Polygon)multi.GetGeometryN(i));
                }

                writer.WriteEndArray();
                break;
            default:
                throw new NotSupportedException($"geometry type {geometry.GeometryType} is not written");
        }

        writer.WriteEndObject();
    }

    private static void WritePolygon(Utf8JsonWriter writer, Polygon polygon)
    {
        writer.WriteStartArray();
        WriteRing(writer, polygon.Shell);
        foreach (var hole in polygon.Holes)
        {
            WriteRing(writer, hole);
        }

        writer.WriteEndArray();
    }

    private static void WriteRing(Utf8JsonWriter writer, LineString ring)
    {
        writer.WriteStartArray();
        foreach (var c in ring.Coordinates)
        {
            WritePosition(writer, c);
        }

        writer.WriteEndArray();
    }

    private static void WritePosition(Utf8JsonWriter writer, Coordinate c)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(Math.Round(c.X, 5));
        writer.WriteNumberValue(Math.Round(c.Y, 5));
        writer.WriteEndArray();
    }
}
