using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Dispatch.Load.Workload;

/// <summary>Reads a <see cref="NetworkView"/> from the network document leniently: fields it does not need are ignored.</summary>
public static class NetworkViewParser
{
    public static NetworkView Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("The network document is not a JSON object.");
        }

        var faults = new List<string>();
        if (root.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object
            && parameters.TryGetProperty("faults", out var faultCatalog) && faultCatalog.ValueKind == JsonValueKind.Object)
        {
            faults.AddRange(faultCatalog.EnumerateObject().Select(f => f.Name));
        }

        var centers = Array(root, "centers").Select(ParseCenter).ToList();
        var demandPoints = Array(root, "demandPoints")
            .Select(d => d.TryGetProperty("location", out var location) ? ParseCoordinates(location) : null)
            .OfType<Coordinates>()
            .ToList();
        var tireSpecs = centers.SelectMany(c => c.Stock.Keys)
            .Where(sku => sku.StartsWith(NetworkView.TirePrefix, StringComparison.Ordinal) && sku.Length > NetworkView.TirePrefix.Length)
            .Select(sku => sku[NetworkView.TirePrefix.Length..])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new NetworkView(faults, centers, demandPoints, tireSpecs);
    }

    private static CenterView ParseCenter(JsonElement center)
    {
        var resources = Array(center, "resources")
            .Select(r => new ResourceView(Text(r, "id"), Text(r, "type"), Text(r, "status", "available")))
            .ToList();
        var stock = new Dictionary<string, StockCount>(StringComparer.Ordinal);
        if (center.TryGetProperty("stock", out var stockElement) && stockElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var sku in stockElement.EnumerateObject())
            {
                stock[sku.Name] = new StockCount(Count(sku.Value, "onHand"), Count(sku.Value, "reserved"));
            }
        }

        return new CenterView(Text(center, "id"), Text(center, "kind", "direct"), resources, stock);
    }

    private static Coordinates? ParseCoordinates(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("lat", out var lat) && lat.ValueKind == JsonValueKind.Number
        && element.TryGetProperty("lon", out var lon) && lon.ValueKind == JsonValueKind.Number
            ? new Coordinates(lat.GetDouble(), lon.GetDouble())
            : null;

    [SuppressMessage("Performance", "CA1859:Use concrete types when possible for improved performance", Justification = "An absent array has no ArrayEnumerator.")]
    private static IEnumerable<JsonElement> Array(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray()
            : [];

    private static string Text(JsonElement owner, string name, string fallback = "") =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : fallback;

    private static long Count(JsonElement owner, string name)
    {
        if (owner.ValueKind != JsonValueKind.Object || !owner.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number)
        {
            return 0;
        }

        return value.TryGetInt64(out var whole) ? whole : (long)Math.Round(value.GetDouble());
    }
}
