using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Dispatch.Silo.Tests.Api.Support;
using Dispatch.Solver.Documents;

namespace Dispatch.Silo.Tests.Api;

/// <summary>
/// Malformed and hostile bodies, per endpoint: each gets a 4xx problem answer (400 unless too large or not JSON), and afterwards the network
/// document, the list of cases and the one open case are exactly as before.
/// </summary>
public sealed class BadInputTests(BadInputTests.Fixture fixture) : IClassFixture<BadInputTests.Fixture>
{
    private const string OpenCase = "bad-input-open-case";

    private static readonly string Incident = DocumentJson.Write(Dispatch.TestKit.Incidents.IncidentBodies.FlatTire(SitesNetwork.At(0)));
    private static readonly string Network = DocumentJson.Write(SitesNetwork.Build());

    private static readonly Dictionary<string, string> IncidentBodies = new(StringComparer.Ordinal)
    {
        ["not json"] = """{"location": {"lat": 21,""",
        ["array"] = "[]",
        ["string"] = "\"a flat tyre\"",
        ["null"] = "null",
        ["empty object"] = "{}",
        ["location a string"] = HostileBodies.Edit(Incident, n => n["location"] = "Lhasa"),
        ["lat a string"] = HostileBodies.Edit(Incident, n => n["location"]!["lat"] = "21"),
        ["lat \"NaN\""] = HostileBodies.Edit(Incident, n => n["location"]!["lat"] = "NaN"),
        ["lat NaN literal"] = HostileBodies.Raw(Incident, n => n["location"]!.AsObject(), "lat", "NaN"),
        ["lat Infinity literal"] = HostileBodies.Raw(Incident, n => n["location"]!.AsObject(), "lat", "Infinity"),
        ["lat 1e400"] = HostileBodies.Raw(Incident, n => n["location"]!.AsObject(), "lat", "1e400"),
        ["lat 400 digits"] = HostileBodies.Raw(Incident, n => n["location"]!.AsObject(), "lat", HostileBodies.HugeInteger),
        ["lat above 90"] = HostileBodies.Edit(Incident, n => n["location"]!["lat"] = 90.0001),
        ["lon below -180"] = HostileBodies.Edit(Incident, n => n["location"]!["lon"] = -180.5),
        ["lon missing"] = HostileBodies.Edit(Incident, n => n["location"]!.AsObject().Remove("lon")),
        ["fault missing"] = HostileBodies.Edit(Incident, n => n.AsObject().Remove("fault")),
        ["fault a number"] = HostileBodies.Edit(Incident, n => n["fault"] = 7),
        ["priority unknown"] = HostileBodies.Edit(Incident, n => n["priority"] = "p0"),
        ["priority a number"] = HostileBodies.Edit(Incident, n => n["priority"] = 1),
        ["powertrain unknown"] = HostileBodies.Edit(Incident, n => n["vehicle"]!["powertrain"] = "diesel"),
        ["vehicle an array"] = HostileBodies.Edit(Incident, n => n["vehicle"] = new JsonArray()),
        ["vehicle missing"] = HostileBodies.Edit(Incident, n => n.AsObject().Remove("vehicle")),
        ["reportedAt not a time"] = HostileBodies.Edit(Incident, n => n["reportedAt"] = "yesterday"),
        ["autoDispatch a string"] = HostileBodies.Edit(Incident, n => n["autoDispatch"] = "yes"),
        ["onExpressway a number"] = HostileBodies.Edit(Incident, n => n["onExpressway"] = 1),
        ["id with a NUL"] = HostileBodies.Edit(Incident, n => n["id"] = "a\u0000b"),
        ["id 1 MB"] = HostileBodies.Edit(Incident, n => n["id"] = HostileBodies.Megabyte),
        ["fault 1 MB"] = HostileBodies.Edit(Incident, n => n["fault"] = HostileBodies.Megabyte),
        ["notes 1 MB"] = HostileBodies.Edit(Incident, n => n["notes"] = HostileBodies.Megabyte),
        ["customer name 1 MB"] = HostileBodies.Edit(Incident, n => n["customer"] = new JsonObject { ["name"] = HostileBodies.Megabyte, ["phone"] = "1" }),
        ["tireSpec blank"] = HostileBodies.Edit(Incident, n => n["vehicle"]!["tireSpec"] = "  "),
        ["nesting 10000 deep"] = HostileBodies.Raw(Incident, n => n.AsObject(), "notes", HostileBodies.Nested(10_000)),
    };

    private static readonly Dictionary<string, string> NetworkBodies = new(StringComparer.Ordinal)
    {
        ["not json"] = """{"parameters": {""",
        ["array"] = "[]",
        ["null"] = "null",
        ["empty object"] = "{}",
        ["speedKmh a string"] = HostileBodies.Edit(Network, n => n["parameters"]!["resourceTypes"]!["flatbed"]!["speedKmh"] = "fast"),
        ["speedKmh NaN literal"] = HostileBodies.Raw(Network, n => n["parameters"]!["resourceTypes"]!["flatbed"]!.AsObject(), "speedKmh", "NaN"),
        ["speedKmh 1e400"] = HostileBodies.Raw(Network, n => n["parameters"]!["resourceTypes"]!["flatbed"]!.AsObject(), "speedKmh", "1e400"),
        ["speedKmh zero"] = HostileBodies.Edit(Network, n => n["parameters"]!["resourceTypes"]!["flatbed"]!["speedKmh"] = 0),
        ["circuity below 1"] = HostileBodies.Edit(Network, n => n["regions"]![0]!["circuity"] = 0.5),
        ["center lat 91"] = HostileBodies.Edit(Network, n => n["centers"]![0]!["location"]!["lat"] = 91),
        ["center location missing"] = HostileBodies.Edit(Network, n => n["centers"]![0]!.AsObject().Remove("location")),
        ["center outside every region"] = HostileBodies.Edit(Network, n => n["centers"]![0]!["location"] = new JsonObject { ["lat"] = -10, ["lon"] = 20 }),
        ["center kind unknown"] = HostileBodies.Edit(Network, n => n["centers"]![0]!["kind"] = "subsidiary"),
        ["center name 1 MB"] = HostileBodies.Edit(Network, n => n["centers"]![0]!["name"] = HostileBodies.Megabyte),
        ["center id 1 MB"] = HostileBodies.Edit(Network, n => n["centers"]![0]!["id"] = HostileBodies.Megabyte),
        ["duplicate center id"] = HostileBodies.Edit(Network, n => n["centers"]![1]!["id"] = (string?)n["centers"]![0]!["id"]),
        ["resource status unknown"] = HostileBodies.Edit(Network, n => n["centers"]![0]!["resources"]![0]!["status"] = "broken"),
        ["resource assigned without incident"] = HostileBodies.Edit(Network, n => n["centers"]![0]!["resources"]![0]!["status"] = "assigned"),
        ["resource type unknown"] = HostileBodies.Edit(Network, n => n["centers"]![0]!["resources"]![0]!["type"] = "helicopter"),
        ["stock 1e20"] = HostileBodies.Edit(Network, n => n["centers"]![0]!["stock"]![Dispatch.TestKit.Incidents.IncidentBodies.TireSku]!["onHand"] = 1e20),
        ["stock fractional"] = HostileBodies.Edit(Network, n => n["centers"]![0]!["stock"]![Dispatch.TestKit.Incidents.IncidentBodies.TireSku]!["onHand"] = 2.5),
        ["stock reserved over on hand"] = HostileBodies.Edit(Network, n => n["centers"]![0]!["stock"]![Dispatch.TestKit.Incidents.IncidentBodies.TireSku]!["reserved"] = 9),
        ["stock negative"] = HostileBodies.Edit(Network, n => n["centers"]![0]!["stock"]![Dispatch.TestKit.Incidents.IncidentBodies.TireSku]!["onHand"] = -1),
        ["polygon self-intersecting"] = HostileBodies.Edit(Network, n => n["regions"]![0]!["geometry"] = JsonNode.Parse("""{"type":"Polygon","coordinates":[[[100,20],[110,30],[110,20],[100,30],[100,20]]]}""")),
        ["polygon not closed"] = HostileBodies.Edit(Network, n => n["regions"]![0]!["geometry"] = JsonNode.Parse("""{"type":"Polygon","coordinates":[[[100,20],[110,20],[110,30],[100,30]]]}""")),
        ["geometry a point"] = HostileBodies.Edit(Network, n => n["regions"]![0]!["geometry"] = JsonNode.Parse("""{"type":"Point","coordinates":[105,25]}""")),
        ["geometry nested 10000 deep"] = HostileBodies.Raw(Network, n => n["regions"]![0]!.AsObject(), "geometry", HostileBodies.Nested(10_000)),
        ["fault mode unknown"] = HostileBodies.Edit(Network, n => n["parameters"]!["faults"]!["stuck"]![0]!["mode"] = "teleport"),
        ["rule without zone or scope"] = HostileBodies.Edit(Network, n => n["rules"]!.AsArray().Add(new JsonObject { ["id"] = "r", ["kind"] = "deny", ["types"] = new JsonArray("flatbed") })),
        ["rule kind unknown"] = HostileBodies.Edit(Network, n => n["rules"]!.AsArray().Add(new JsonObject { ["id"] = "r", ["kind"] = "maybe", ["types"] = new JsonArray("flatbed"), ["scope"] = "expressway" })),
        ["window 25:00"] = HostileBodies.Edit(Network, n => n["rules"]!.AsArray().Add(JsonNode.Parse("""{"id":"r","kind":"deny","types":["flatbed"],"scope":"expressway","window":{"start":"25:00","end":"07:00"}}"""))),
        ["window tz unknown"] = HostileBodies.Edit(Network, n => n["rules"]!.AsArray().Add(JsonNode.Parse("""{"id":"r","kind":"deny","types":["flatbed"],"scope":"expressway","window":{"start":"22:00","end":"07:00","tz":"Mars/Olympus"}}"""))),
        ["demand weight negative"] = HostileBodies.Edit(Network, n => n["demandPoints"]![0]!["weight"] = -1),
    };

    private static readonly Dictionary<string, string> DispatchBodies = new(StringComparer.Ordinal)
    {
        ["not json"] = """{"resourceId":""",
        ["array"] = "[]",
        ["resourceId a number"] = """{"resourceId":42}""",
        ["resourceId with a NUL"] = """{"resourceId":"r\u0000x"}""",
        ["resourceId 1 MB"] = $$"""{"resourceId":"{{HostileBodies.Megabyte}}"}""",
        ["mode unknown"] = """{"mode":"airlift"}""",
        ["mode a number"] = """{"mode":1}""",
    };

    private static readonly Dictionary<string, string> EventBodies = new(StringComparer.Ordinal)
    {
        ["not json"] = """{"type":""",
        ["empty object"] = "{}",
        ["type unknown"] = """{"type":"exploded"}""",
        ["type a number"] = """{"type":3}""",
        ["type 1 MB"] = $$"""{"type":"{{HostileBodies.Megabyte}}"}""",
        ["at not a time"] = """{"type":"cancelled","at":"not a time"}""",
        ["at in 1900"] = """{"type":"cancelled","at":"1900-01-01T00:00:00Z"}""",
        ["position lat 91"] = """{"type":"cancelled","position":{"lat":91,"lon":100}}""",
        ["position a string"] = """{"type":"cancelled","position":"here"}""",
        ["position lat NaN literal"] = """{"type":"cancelled","position":{"lat":NaN,"lon":100}}""",
        ["position lat \"NaN\""] = """{"type":"cancelled","position":{"lat":"NaN","lon":100}}""",
    };

    private static readonly Dictionary<string, string> PositionBodies = new(StringComparer.Ordinal)
    {
        ["not json"] = """{"lat":""",
        ["array"] = "[]",
        ["lat a string"] = """{"lat":"x","lon":100}""",
        ["lat NaN literal"] = """{"lat":NaN,"lon":100}""",
        ["lat 1e400"] = """{"lat":1e400,"lon":100}""",
        ["lon 181"] = """{"lat":21,"lon":181}""",
    };

    private static readonly Dictionary<string, string> StatusBodies = new(StringComparer.Ordinal)
    {
        ["status a number"] = """{"status":1}""",
        ["status upper case"] = """{"status":"OFFLINE"}""",
        ["status assigned"] = """{"status":"assigned"}""",
        ["null"] = "null",
    };

    private static readonly Dictionary<string, string> StockBodies = new(StringComparer.Ordinal)
    {
        ["delta fractional"] = """{"sku":"BATT-12V","delta":1.5}""",
        ["delta 1e10"] = """{"sku":"BATT-12V","delta":10000000000}""",
        ["delta 2,000,000"] = """{"sku":"BATT-12V","delta":2000000}""",
        ["delta a string"] = """{"sku":"BATT-12V","delta":"3"}""",
        ["delta missing"] = """{"sku":"BATT-12V"}""",
        ["sku with a newline"] = """{"sku":"BATT\n12V","delta":1}""",
        ["sku 1 MB"] = $$"""{"sku":"{{HostileBodies.Megabyte}}","delta":1}""",
        ["reason 1 MB"] = $$"""{"sku":"BATT-12V","delta":1,"reason":"{{HostileBodies.Megabyte}}"}""",
    };

    private static readonly Dictionary<string, (HttpMethod Method, string Path, Dictionary<string, string> Bodies)> Endpoints = new(StringComparer.Ordinal)
    {
        ["recommendations"] = (HttpMethod.Post, "/v1/recommendations", IncidentBodies),
        ["incidents"] = (HttpMethod.Post, "/v1/incidents", IncidentBodies),
        ["network"] = (HttpMethod.Put, "/v1/network", NetworkBodies),
        ["dispatch"] = (HttpMethod.Post, CaseSteps.DispatchPath(OpenCase), DispatchBodies),
        ["events"] = (HttpMethod.Post, CaseSteps.EventsPath(OpenCase), EventBodies),
        ["position"] = (HttpMethod.Put, $"/v1/resources/{SitesNetwork.Van(0)}/position", PositionBodies),
        ["status"] = (HttpMethod.Put, $"/v1/resources/{SitesNetwork.Van(0)}/status", StatusBodies),
        ["stock"] = (HttpMethod.Post, $"/v1/centers/{SitesNetwork.Center(0)}/stock", StockBodies),
    };

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var (endpoint, (_, _, bodies)) in Endpoints)
        {
            foreach (var name in bodies.Keys)
            {
                cases.Add(endpoint, name);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_BadBody_Returns400ProblemAndChangesNothing(string endpoint, string body)
    {
        var (method, path, bodies) = Endpoints[endpoint];
        using var admin = fixture.Silo.Admin();
        var before = await Snapshot.TakeAsync(admin);
        using var response = await admin.SendRawAsync(method, path, bodies[body]);

        // Malformed or invalid input is a 400; a resource marked assigned that no incident holds may also be a conflict (409).
        var status = (int)response.StatusCode;
        var expected = body == "resource assigned without incident" ? status is 400 or 409 : status == 400;
        Assert.True(expected, $"{endpoint} / {body}: {status} {ApiJson.Shorten(await response.Content.ReadAsStringAsync())}");
        await ProblemAssert.IsProblemAsync(response, response.StatusCode);
        Assert.Equal(before, await Snapshot.TakeAsync(admin));
    }

    [Theory]
    [InlineData("recommendations")]
    [InlineData("incidents")]
    [InlineData("events")]
    [InlineData("stock")]
    public async Task Endpoint_BodyOver1MB_Returns413Problem(string endpoint)
    {
        var (method, path, _) = Endpoints[endpoint];
        using var admin = fixture.Silo.Admin();
        var before = await Snapshot.TakeAsync(admin);
        var body = new StringBuilder("{\"notes\":\"").Append('x', 2 * 1024 * 1024).Append("\"}").ToString();
        using var response = await admin.SendRawAsync(method, path, body);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await Snapshot.TakeAsync(admin));
    }

    [Theory]
    [InlineData("recommendations")]
    [InlineData("incidents")]
    [InlineData("network")]
    public async Task Endpoint_NotJsonContentType_Returns415Problem(string endpoint)
    {
        var (method, path, _) = Endpoints[endpoint];
        using var admin = fixture.Silo.Admin();
        var before = await Snapshot.TakeAsync(admin);
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(endpoint == "network" ? Network : Incident, Encoding.UTF8, "text/plain") };
        using var response = await admin.SendAsync(request);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, await Snapshot.TakeAsync(admin));
    }

    /// <summary>The sites network and one open case, which the dispatch and events bodies aim at.</summary>
    public sealed class Fixture : SitesSiloFixture
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            using var admin = Silo.Admin();
            await admin.CreateCaseAsync(Dispatch.TestKit.Incidents.IncidentBodies.FlatTire(SitesNetwork.At(0), OpenCase));
        }
    }

    /// <summary>What a bad request must leave as it was: the network document, the open case and the list of cases.</summary>
    private sealed record Snapshot(string Network, string OpenCase, string Cases)
    {
        public static async Task<Snapshot> TakeAsync(HttpClient admin) => new(
            await admin.GetTextAsync("/v1/network"),
            await admin.GetTextAsync(CaseSteps.CasePath(BadInputTests.OpenCase)),
            await admin.GetTextAsync("/v1/incidents"));
    }
}
