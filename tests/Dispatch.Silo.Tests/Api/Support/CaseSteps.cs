using System.Net;
using System.Text.Json;
using Dispatch.Solver.Documents;

namespace Dispatch.Silo.Tests.Api.Support;

/// <summary>The steps of a case through the API, each asserting its happy status and the case shape.</summary>
internal static class CaseSteps
{
    public static async Task<JsonElement> CreateCaseAsync(this HttpClient agent, IncidentRequest incident)
    {
        var created = await agent.PostJsonAsync("/v1/incidents", incident).ExpectAsync(HttpStatusCode.Created);
        ApiShapes.Case(created);
        return created;
    }

    public static async Task<JsonElement> DispatchCaseAsync(this HttpClient agent, string id, string? resourceId = null, string? mode = null)
    {
        var dispatched = await agent.PostJsonAsync(DispatchPath(id), new { resourceId, mode }).ExpectAsync(HttpStatusCode.OK);
        ApiShapes.Case(dispatched);
        Assert.Equal("dispatched", dispatched.Str("status"));
        return dispatched;
    }

    public static async Task<JsonElement> AddEventAsync(this HttpClient agent, string id, string type, GeoPoint? position = null)
    {
        var updated = await agent.PostJsonAsync(EventsPath(id), new { type, position }).ExpectAsync(HttpStatusCode.OK);
        ApiShapes.Case(updated);
        Assert.Equal(type, updated.Str("status"));
        return updated;
    }

    /// <summary>Takes a dispatched case through en route and on scene to completed.</summary>
    public static async Task<JsonElement> CompleteAsync(this HttpClient agent, string id, GeoPoint? position = null)
    {
        await agent.AddEventAsync(id, "enroute");
        await agent.AddEventAsync(id, "onscene");
        return await agent.AddEventAsync(id, "completed", position);
    }

    public static string CasePath(string id) => "/v1/incidents/" + Uri.EscapeDataString(id);

    public static string DispatchPath(string id) => CasePath(id) + "/dispatch";

    public static string EventsPath(string id) => CasePath(id) + "/events";

    /// <summary>A unit's entry in <c>GET /v1/centers/{id}</c>.</summary>
    public static JsonElement Unit(this JsonElement center, string resourceId) =>
        center.GetProperty("resources").EnumerateArray().Single(r => r.Str("id") == resourceId);

    /// <summary>Where a unit of the center stands: its position, or the center's location when it has none.</summary>
    public static GeoPoint PositionOf(this JsonElement center, string resourceId)
    {
        var at = center.Unit(resourceId).TryGetProperty("position", out var position) ? position : center.GetProperty("location");
        return new GeoPoint(at.GetProperty("lat").GetDouble(), at.GetProperty("lon").GetDouble());
    }

    /// <summary>(onHand, reserved) of a SKU in a center; a SKU not listed has none.</summary>
    public static (int OnHand, int Reserved) StockOf(this JsonElement center, string sku) =>
        center.GetProperty("stock").TryGetProperty(sku, out var level)
            ? (level.GetProperty("onHand").GetInt32(), level.GetProperty("reserved").GetInt32())
            : (0, 0);
}
