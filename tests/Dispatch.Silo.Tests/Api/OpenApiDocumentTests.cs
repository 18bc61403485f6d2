using System.Net;
using System.Text.Json;
using Dispatch.Silo.Tests.Api.Support;

namespace Dispatch.Silo.Tests.Api;

/// <summary>
/// <c>/openapi/v1.json</c> as a client generator reads it: every operation named and typed, every success answer
/// with a schema (the Redocly lint in <c>tools/openapi-lint</c>, run by <c>test.sh</c>, checks the rest); and the
/// one answer whose type changed for it, opening a case, written as before.
/// </summary>
public sealed class OpenApiDocumentTests(SitesSiloFixture fixture) : IClassFixture<SitesSiloFixture>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    private SiloHarness Silo => fixture.Silo;

    private async Task<JsonElement> DocumentAsync()
    {
        using var anonymous = Silo.Anonymous();
        return await anonymous.GetJsonAsync("/openapi/v1.json");
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        where Methods.Contains(operation.Name)
        select ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value);

    [Fact]
    public async Task OpenApi_EveryOperation_HasOperationIdAndSuccessSchema()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();
        Assert.True(operations.Count >= 20, $"only {operations.Count} operations");

        var missing = new List<string>();
        var ids = new List<string>();
        foreach (var (name, operation) in operations)
        {
            if (operation.TryGetProperty("operationId", out var id) && id.GetString() is { Length: > 0 } text)
            {
                ids.Add(text);
            }
            else
            {
                missing.Add($"{name}: no operationId");
            }

            var successes = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            if (successes.Count == 0)
            {
                missing.Add($"{name}: no 2xx answer");
            }

            foreach (var success in successes.Where(s => s.Name != "204"))
            {
                var schemas = success.Value.TryGetProperty("content", out var content)
                    ? content.EnumerateObject().Select(c => c.Value.TryGetProperty("schema", out var s) ? s : default).ToList()
                    : [];
                if (schemas.Count == 0 || schemas.Any(s => s.ValueKind != JsonValueKind.Object || !s.EnumerateObject().Any()))
                {
                    missing.Add($"{name}: {success.Name} without a content schema");
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z][A-Za-z]*$", id));
    }

    [Fact]
    public async Task OpenApi_Document_HasLicenceTagDescriptionsAndServersWithoutTrailingSlash()
    {
        var document = await DocumentAsync();
        var license = document.GetProperty("info").GetProperty("license");
        Assert.False(string.IsNullOrWhiteSpace(license.GetProperty("name").GetString()));
        Assert.StartsWith("LicenseRef-", license.GetProperty("identifier").GetString(), StringComparison.Ordinal);

        var servers = document.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()!).ToList();
        Assert.NotEmpty(servers);
        Assert.All(servers, url => Assert.False(url.EndsWith('/'), url));

        var described = document.GetProperty("tags").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.TryGetProperty("description", out var d) ? d.GetString() : null);
        var used = Operations(document).SelectMany(o => o.Operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)).Distinct();
        Assert.All(used, tag => Assert.False(string.IsNullOrWhiteSpace(described.GetValueOrDefault(tag)), $"tag {tag} has no description"));
    }

    [Fact]
    public async Task OpenApi_Schemas_NumbersAndPositionsAreTyped()
    {
        // The API's own converters (finite numbers, positions) leave the schema generator without a type: a
        // generated client would then read every ETA or coordinate as an untyped value.
        var document = await DocumentAsync();
        var untyped = new List<string>();
        Walk(document.GetProperty("components").GetProperty("schemas"), "#/components/schemas", untyped);
        Assert.True(untyped.Count == 0, string.Join("\n", untyped));

        var geoPoint = document.GetProperty("components").GetProperty("schemas").GetProperty("GeoPoint");
        Assert.Equal(["lat", "lon"], geoPoint.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.Equal("number", geoPoint.GetProperty("properties").GetProperty("lat").GetProperty("type").GetString());
    }

    [Fact]
    public async Task OpenApi_ScenarioBase_IsLiveOrANetworkDocument()
    {
        // A custom converter reads "base"; without a described schema a generated client could not send either form.
        var document = await DocumentAsync();
        var choices = document.GetProperty("components").GetProperty("schemas").GetProperty("ScenarioBase").GetProperty("oneOf");

        Assert.Equal("live", choices[0].GetProperty("enum")[0].GetString());
        Assert.Equal("#/components/schemas/NetworkDocument", choices[1].GetProperty("$ref").GetString());
    }

    private static void Walk(JsonElement schema, string path, List<string> untyped)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("format", out _) && !schema.TryGetProperty("type", out _))
        {
            untyped.Add($"{path}: a format without a type");
        }

        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (!property.Value.EnumerateObject().Any())
                {
                    untyped.Add($"{path}/properties/{property.Name}: an empty schema");
                }

                Walk(property.Value, $"{path}/properties/{property.Name}", untyped);
            }
        }

        foreach (var member in schema.EnumerateObject().Where(m => m.Name != "properties"))
        {
            if (member.Value.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in member.Value.EnumerateArray())
                {
                    Walk(item, $"{path}/{member.Name}/{i++}", untyped);
                }
            }
            else
            {
                Walk(member.Value, $"{path}/{member.Name}", untyped);
            }
        }
    }

    [Fact]
    public async Task CreateIncident_Plain_AnswersTheCaseExactlyAsGetWritesIt()
    {
        using var agent = await Silo.AgentAsync();
        var id = $"openapi-{Guid.NewGuid():N}";
        using var response = await agent.PostJsonAsync("/v1/incidents", IncidentBodies.FlatTire(SitesNetwork.At(1), id));
        var created = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, created);

        Assert.Equal(await agent.GetTextAsync(CaseSteps.CasePath(id)), created);
        var body = JsonDocument.Parse(created).RootElement;
        Assert.False(body.TryGetProperty("dispatchProblem", out _));
        Assert.False(body.TryGetProperty("recommendation", out _));
    }

    [Fact]
    public async Task CreateIncident_AutoDispatchThatCannotGo_Answers201WithTheCaseItsProblemAndRecommendation()
    {
        // Site 2's three units are its only ones within reach: off duty, nobody may serve an incident there.
        const int site = 2;
        using var admin = Silo.Admin();
        foreach (var unit in new[] { SitesNetwork.Flatbed(site), SitesNetwork.WheelLift(site), SitesNetwork.Van(site) })
        {
            await admin.PutJsonAsync($"/v1/resources/{unit}/status", new { status = "offline" }).ExpectAsync(HttpStatusCode.OK);
        }

        using var agent = await Silo.AgentAsync();
        var id = $"openapi-{Guid.NewGuid():N}";
        using var response = await agent.PostJsonAsync("/v1/incidents", IncidentBodies.FlatTire(SitesNetwork.At(site), id) with { AutoDispatch = true });
        var created = await response.ExpectJsonAsync(HttpStatusCode.Created);

        ApiShapes.Case(created);
        Assert.Equal("open", created.Str("status"));
        Assert.Equal(JsonValueKind.Null, created.GetProperty("assignment").ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(created.Str("dispatchProblem")));
        var recommendation = created.GetProperty("recommendation");
        ApiShapes.Recommendation(recommendation);
        Assert.Equal("unassignable", recommendation.Str("status"));
        Assert.Equal(
            ["id", "status", "incident", "assignment", "timeline", "timeToDispatchSec", "escalationLevel", "waiting", "dispatchProblem", "recommendation", "notifications"],
            created.EnumerateObject().Select(p => p.Name));
    }
}
