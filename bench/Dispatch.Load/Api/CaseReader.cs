using System.Text.Json;
using Dispatch.Load.Workload;

namespace Dispatch.Load.Api;

/// <summary>Reads cases and assignments out of API answers, tolerating extra fields and small shape differences.</summary>
public static class CaseReader
{
    /// <summary>A case from a single-case answer; <paramref name="fallbackId"/> when the answer omits its id.</summary>
    public static IncidentCase? ReadCase(string json, string? fallbackId = null)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return ReadCase(document.RootElement, fallbackId);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static IncidentCase? ReadCase(JsonElement element, string? fallbackId = null)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var id = Text(element, "id") ?? fallbackId;
        if (id is null)
        {
            return null;
        }

        return new IncidentCase(id, Text(element, "status"), ReadAssignment(element));
    }

    /// <summary>The cases of a list answer <c>{items: [...]}</c>.</summary>
    public static IReadOnlyList<IncidentCase> ReadList(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var items = root.ValueKind == JsonValueKind.Array
            ? root
            : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array
                ? list
                : throw new FormatException("The list answer has no items array.");
        return items.EnumerateArray().Select(item => ReadCase(item)).OfType<IncidentCase>().ToList();
    }

    /// <summary>The <c>nextCursor</c> of a list answer; null on the last page or when the answer has none.</summary>
    public static string? ReadNextCursor(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String
            ? next.GetString()
            : null;
    }

    /// <summary>The assignment of a case or of a dispatch answer: an <c>assignment</c> object, or the answer itself
    /// when it is shaped like one.</summary>
    public static Assignment? ReadAssignment(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (element.TryGetProperty("assignment", out var assignment))
        {
            return assignment.ValueKind == JsonValueKind.Object ? AssignmentOf(assignment) : null;
        }

        return AssignmentOf(element);
    }

    private static Assignment? AssignmentOf(JsonElement element)
    {
        var resourceId = Text(element, "resourceId");
        var centerId = Text(element, "centerId");
        return resourceId is null || centerId is null
            ? null
            : new Assignment(resourceId, centerId, Text(element, "mode"), Text(element, "part"));
    }

    private static string? Text(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
