using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Placement;

namespace Dispatch.Silo.Tests.Api.Support;

/// <summary>
/// Placement requests on <see cref="SitesNetwork"/> (every type 60 km/h with no mobilization, circuity 1: a travel
/// time in minutes is the distance in km). <see cref="Meridian"/> puts candidates and demand on one meridian, where the
/// great-circle distance is exactly <c>R * dLat</c>, so that objectives can be worked out by hand.
/// </summary>
internal static class PlacementBodies
{
    public const string Path = "/v1/planning/placement";

    /// <summary>The meridian of <see cref="Meridian"/>, in region R1 and away from the centers' grid.</summary>
    public const double Lon = 105.5;

    /// <summary>Minutes (= km) per degree of latitude along a meridian.</summary>
    public static readonly double MinutesPerDegree = Places.EarthRadiusKm * Math.PI / 180.0;

    /// <summary>Candidates at latitudes 25, 26 and 27; demand a (25.0, weight 1), b (25.3, 2), c (26.0, 4),
    /// e (27.0, 2) and f (26.45, 3), all on <see cref="Lon"/>. Flatbeds, k = 2.</summary>
    public static PlacementRequest Meridian(string model) => new()
    {
        Model = model,
        K = 2,
        ResourceType = "flatbed",
        Candidates = PlacementCandidates.Of([Site("s25", 25.0), Site("s26", 26.0), Site("s27", 27.0)]),
        Demand = [Point("a", 25.0, 1), Point("b", 25.3, 2), Point("c", 26.0, 4), Point("e", 27.0, 2), Point("f", 26.45, 3)],
    };

    /// <summary>Centers c-3, c-7 and c-11 as the candidates of a hand-written matrix to three supplied points p1..p3
    /// (weights 1, 2, 3): c-7 and c-11 are the best two, at 30 + 5 * 2 + 8 * 3 = 64 weighted minutes.</summary>
    public static PlacementRequest Matrix(string model) => new()
    {
        Model = model,
        K = 2,
        ResourceType = "flatbed",
        Demand = [Point("p1", 25.0, 1), Point("p2", 25.5, 2), Point("p3", 26.0, 3)],
        TravelMatrix = new PlacementTravelMatrix
        {
            Sites = [SitesNetwork.Center(3), SitesNetwork.Center(7), SitesNetwork.Center(11)],
            Demand = ["p1", "p2", "p3"],
            Minutes = [[10, 50, 40], [30, 5, 60], [45, 35, 8]],
        },
    };

    /// <summary>A p-median with <paramref name="n"/> supplied sites and points and a matrix of pseudo-random whole
    /// minutes 1..999 from a fixed seed: no geometry to exploit, so the proof takes far longer than a test waits (n = 200,
    /// k = 20 is not proven in a minute).</summary>
    public static PlacementRequest RandomMatrix(int n, int k, double timeLimitMs)
    {
        var random = new Random(20_251_111);
        return new PlacementRequest
        {
            Model = "pmedian",
            K = k,
            ResourceType = "flatbed",
            TimeLimitMs = timeLimitMs,
            Candidates = PlacementCandidates.Of([.. Enumerable.Range(0, n).Select(i => Site($"s{i}", 24 + (i * 0.02)))]),
            Demand = [.. Enumerable.Range(0, n).Select(i => Point($"d{i}", 24.01 + (i * 0.02), 1 + (i % 5)))],
            TravelMatrix = new PlacementTravelMatrix
            {
                Sites = [.. Enumerable.Range(0, n).Select(i => $"s{i}")],
                Demand = [.. Enumerable.Range(0, n).Select(i => $"d{i}")],
                Minutes = [.. Enumerable.Range(0, n).Select(_ => (IReadOnlyList<double>)[.. Enumerable.Range(0, n).Select(_ => (double)random.Next(1, 1000))])],
            },
        };
    }

    public static PlacementSite Site(string id, double lat) => new() { Id = id, Location = new GeoPoint(lat, Lon) };

    public static PlacementDemandPoint Point(string id, double lat, double weight) => new() { Id = id, Location = new GeoPoint(lat, Lon), Weight = weight };

    /// <summary>The request as JSON, edited.</summary>
    public static string Edit(PlacementRequest request, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(DocumentJson.Write(request))!;
        edit(node);
        return node.ToJsonString();
    }

    public static async Task<JsonElement> PlanAsync(this HttpClient client, PlacementRequest request) =>
        await client.PostJsonAsync(Path, request).ExpectAsync(HttpStatusCode.OK);

    /// <summary>The p-median objective of <paramref name="sites"/> recomputed from the request's own matrix.</summary>
    public static double MatrixMedianCost(PlacementRequest request, IEnumerable<string> sites)
    {
        var matrix = request.TravelMatrix!;
        var rows = sites.Select(s => matrix.Sites!.ToList().IndexOf(s)).ToList();
        Assert.DoesNotContain(-1, rows);
        var weights = request.Demand!.ToDictionary(d => d.Id!, d => d.Weight!.Value, StringComparer.Ordinal);
        return matrix.Demand!.Select((id, j) => weights[id] * rows.Min(i => matrix.Minutes![i][j])).Sum();
    }
}
