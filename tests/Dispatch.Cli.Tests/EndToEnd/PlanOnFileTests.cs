using System.Text.Json;
using Dispatch.Cli.Tests.Support;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Simulation;

namespace Dispatch.Cli.Tests.EndToEnd;

public class PlanOnFileTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static string[] Plan(string model, int k, string outDirectory, params string[] more) =>
        ["plan", "--network", TestFiles.TinyNetwork, "--model", model, "--k", k.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--resource-type", "flatbed", "--out", outDirectory, .. more];

    [Theory]
    [InlineData("mclp", 1)]
    [InlineData("mclp", 2)]
    [InlineData("pmedian", 1)]
    [InlineData("pmedian", 2)]
    public async Task Plan_TinyNetwork_WritesAnswerGeoJsonAndMap(string model, int k)
    {
        using var temp = new TempDirectory();

        var result = await CliHarness.RunAsync(Plan(model, k, temp.Path));

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using var answer = JsonDocument.Parse(File.ReadAllText(temp.File("answer.json")));
        var root = answer.RootElement;
        var chosen = root.GetProperty("sites").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Equal(k, chosen.Count);
        Assert.True(root.GetProperty("optimal").GetBoolean());
        Assert.Equal(model == "mclp", root.TryGetProperty("coveredWeight", out _));
        Assert.All(chosen, site => Assert.Contains(site, result.Output, StringComparison.Ordinal));
        Assert.Contains("proven optimal", result.Output, StringComparison.Ordinal);

        var features = ReadFeatureCollection(temp.File("sites.geojson"));
        var sites = features.Where(f => Kind(f) == "site")
            .ToDictionary(f => f.GetProperty("properties").GetProperty("id").GetString()!, Coordinates);
        var demand = features.Where(f => Kind(f) == "demand").ToList();
        var links = features.Where(f => Kind(f) == "assignment").ToList();
        Assert.Equal(chosen.Order(StringComparer.Ordinal), sites.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(4, demand.Count);
        Assert.Equal(4, links.Count);
        var siteOf = demand.ToDictionary(d => d.GetProperty("properties").GetProperty("id").GetString()!, d => d.GetProperty("properties").GetProperty("site").GetString()!);
        Assert.All(links, l =>
        {
            Assert.Equal("LineString", l.GetProperty("geometry").GetProperty("type").GetString());
            var site = l.GetProperty("properties").GetProperty("site").GetString()!;
            Assert.Equal(siteOf[l.GetProperty("properties").GetProperty("demand").GetString()!], site);
            var end = l.GetProperty("geometry").GetProperty("coordinates")[1];
            Assert.Equal(sites[site], (end[0].GetDouble(), end[1].GetDouble()));
        });
        if (k == 2)
        {
            // Each center is nearest to the points of its own region.
            Assert.All(siteOf, p => Assert.Equal(p.Key.StartsWith("d-east", StringComparison.Ordinal) ? "c-east" : "c-west", p.Value));
        }

        // The links carry the problem's own numbers: they add up to the objective.
        var objective = root.GetProperty("objective").GetDouble();
        if (model == "mclp")
        {
            var covered = demand.Where(d => d.GetProperty("properties").GetProperty("covered").GetBoolean())
                .Sum(d => d.GetProperty("properties").GetProperty("weight").GetDouble());
            Assert.Equal(objective, covered, 6);
        }
        else
        {
            var weighted = demand.Sum(d => d.GetProperty("properties").GetProperty("weight").GetDouble() * d.GetProperty("properties").GetProperty("timeMin").GetDouble());
            Assert.Equal(objective, weighted, 0.05);
        }

        var png = File.ReadAllBytes(temp.File("map.png"));
        Assert.True(png.Length > 1000, "map.png is (nearly) empty");
        Assert.Equal(PngSignature, png[..PngSignature.Length]);
    }

    [Fact]
    public async Task Plan_MclpOneFlatbed_ChoosesTheEastCenterCoveringSixteen()
    {
        // East points weigh 10 + 6 and are within 60 min of c-east; west points weigh (3 + 2) x 3 and are within 180 min
        // of c-west only: one site covers 16 at best, from c-east.
        using var temp = new TempDirectory();

        var result = await CliHarness.RunAsync(Plan("mclp", 1, temp.Path));

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using var answer = JsonDocument.Parse(File.ReadAllText(temp.File("answer.json")));
        Assert.Equal(["c-east"], answer.RootElement.GetProperty("sites").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(16, answer.RootElement.GetProperty("coveredWeight").GetDouble(), 9);
        Assert.Contains("16 of 31", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_Json_PrintsOnlyTheAnswerOnStandardOutputAndStillWritesTheFiles()
    {
        using var temp = new TempDirectory();

        var result = await CliHarness.RunAsync(Plan("pmedian", 2, temp.Path, "--json"));

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using var answer = JsonDocument.Parse(result.Output);
        Assert.Equal(2, answer.RootElement.GetProperty("sites").GetArrayLength());
        Assert.Contains("Chosen sites", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.File("sites.geojson")));
    }

    [Fact]
    public async Task Plan_Apply_WritesChangesTheScenarioEngineAcceptsAddingKUnits()
    {
        using var temp = new TempDirectory();
        var changesPath = temp.File("plan-changes.json");

        var result = await CliHarness.RunAsync(Plan("mclp", 2, temp.File("out"), "--apply", changesPath));

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        Assert.Contains($"dispatch simulate --network {TestFiles.TinyNetwork} --changes {changesPath}", result.Output, StringComparison.Ordinal);
        var changes = JsonSerializer.Deserialize<ScenarioChanges>(File.ReadAllText(changesPath), DocumentJson.Options)!;
        var added = changes.AddResources!;
        Assert.Equal(2, added.Count);
        Assert.All(added, a => Assert.Equal("flatbed", a.Type));
        Assert.Equal(["c-east", "c-west"], added.Select(a => a.CenterId).Order(StringComparer.Ordinal));
        Assert.Equal(["plan-c-east-1", "plan-c-west-1"], added.Select(a => a.Id).Order(StringComparer.Ordinal));

        var network = DocumentJson.ParseNetwork(File.ReadAllText(TestFiles.TinyNetwork));
        var prepared = Prepare(network, changes);
        Assert.Equal(Flatbeds(prepared.BaselineNetwork) + 2, Flatbeds(prepared.ScenarioNetwork));

        // And the printed next step runs.
        var simulate = await CliHarness.RunAsync(["simulate", "--network", TestFiles.TinyNetwork, "--changes", changesPath, .. TestFiles.ShortDemand, "--out", temp.File("sim")]);
        Assert.True(simulate.ExitCode == ExitCodes.Ok, simulate.ToString());
    }

    [Fact]
    public async Task Plan_ApplyOnSuppliedSites_PutsEachUnitAtTheNearestCenterStationedAtItsSite()
    {
        using var temp = new TempDirectory();
        var candidates = temp.Write("candidates.json", """
            [ {"id": "s-mid", "location": {"lat": 31.0, "lon": 110.5}},
              {"id": "s-far-west", "location": {"lat": 30.8, "lon": 108.5}} ]
            """);
        var changesPath = temp.File("changes.json");

        var result = await CliHarness.RunAsync(Plan("pmedian", 2, temp.File("out"), "--candidates", candidates, "--apply", changesPath));

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var changes = JsonSerializer.Deserialize<ScenarioChanges>(File.ReadAllText(changesPath), DocumentJson.Options)!;
        var byId = changes.AddResources!.ToDictionary(a => a.Id!);
        Assert.Equal("c-east", byId["plan-s-mid-1"].CenterId);
        Assert.Equal(new GeoPoint(31.0, 110.5), byId["plan-s-mid-1"].Position);
        Assert.Equal("c-west", byId["plan-s-far-west-1"].CenterId);
        Assert.Equal(new GeoPoint(30.8, 108.5), byId["plan-s-far-west-1"].Position);
        var prepared = Prepare(DocumentJson.ParseNetwork(File.ReadAllText(TestFiles.TinyNetwork)), changes);
        Assert.Equal(Flatbeds(prepared.BaselineNetwork) + 2, Flatbeds(prepared.ScenarioNetwork));

        var features = ReadFeatureCollection(temp.File("out/sites.geojson"));
        var site = features.Single(f => Kind(f) == "site" && f.GetProperty("properties").GetProperty("id").GetString() == "s-mid");
        Assert.Equal((110.5, 31.0), Coordinates(site));
    }

    [Fact]
    public async Task Plan_TravelMatrix_IsWhatTheSitesAreChosenBy()
    {
        // By the formula c-east serves the heavier demand best; the supplied minutes make c-west the one site to open.
        using var temp = new TempDirectory();
        var matrix = temp.Write("matrix.json", """
            { "sites": ["c-east", "c-west"],
              "demand": ["d-east-1", "d-east-2", "d-west-1", "d-west-2"],
              "minutes": [[90, 90, 90, 90], [10, 10, 10, 10]] }
            """);

        var result = await CliHarness.RunAsync(Plan("pmedian", 1, temp.Path, "--travel-matrix", matrix));

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using var answer = JsonDocument.Parse(File.ReadAllText(temp.File("answer.json")));
        Assert.Equal(["c-west"], answer.RootElement.GetProperty("sites").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(10 * 31, answer.RootElement.GetProperty("objective").GetDouble(), 9);
    }

    [Fact]
    public async Task Plan_MclpExisting_CountsWhatTodaysUnitsCoverAndMarksIt()
    {
        // Today's flatbeds at both centers already cover every point within its standard.
        using var temp = new TempDirectory();

        var result = await CliHarness.RunAsync(Plan("mclp", 1, temp.Path, "--existing"));

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        using var answer = JsonDocument.Parse(File.ReadAllText(temp.File("answer.json")));
        Assert.Equal(31, answer.RootElement.GetProperty("coveredWeight").GetDouble(), 9);
        var demand = ReadFeatureCollection(temp.File("sites.geojson")).Where(f => Kind(f) == "demand").ToList();
        Assert.Equal(4, demand.Count);
        Assert.All(demand, d => Assert.True(d.GetProperty("properties").GetProperty("alreadyServed").GetBoolean()));
        Assert.Contains("already covered by today's units", result.Output, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string[]> BadPlans => new()
    {
        { ["--k", "3", "--resource-type", "flatbed"], ["k (--k)", "at most the number of candidate sites, 2"] },
        { ["--k", "1", "--resource-type", "boat"], ["resourceType (--resource-type)", "'boat'"] },
        { ["--k", "0", "--resource-type", "flatbed"], ["k (--k)"] },
    };

    [Theory]
    [MemberData(nameof(BadPlans))]
    public async Task Plan_BadRequest_ExitsTwoWithThePathAndWritesNothing(string[] options, string[] expected)
    {
        using var temp = new TempDirectory();

        var result = await CliHarness.RunAsync(["plan", "--network", TestFiles.TinyNetwork, "--model", "mclp", .. options, "--out", temp.File("out"), "--apply", temp.File("changes.json")]);

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        foreach (var text in expected)
        {
            Assert.Contains(text, result.Error, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(temp.File("out")), "nothing is written for invalid input");
        Assert.False(File.Exists(temp.File("changes.json")));
    }

    [Fact]
    public async Task Plan_DemandFileWithAPointOutsideEveryRegion_ExitsTwoWithItsPath()
    {
        using var temp = new TempDirectory();
        var demand = temp.Write("demand.json", """
            [ {"id": "ok", "location": {"lat": 31.0, "lon": 111.0}, "weight": 1},
              {"id": "at-sea", "location": {"lat": 10.0, "lon": 150.0}, "weight": 1} ]
            """);

        var result = await CliHarness.RunAsync(Plan("mclp", 1, temp.Path, "--demand", demand));

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        Assert.Contains("demand[1].location (--demand)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_MalformedCandidatesFile_ExitsTwoNamingTheFileAndJsonPath()
    {
        using var temp = new TempDirectory();
        var candidates = temp.Write("candidates.json", """[ {"id": "s-1", "location": {"lat": 31}} ]""");

        var result = await CliHarness.RunAsync(Plan("mclp", 1, temp.Path, "--candidates", candidates));

        Assert.True(result.ExitCode == ExitCodes.InvalidInput, result.ToString());
        Assert.Contains("--candidates " + candidates, result.Error, StringComparison.Ordinal);
        Assert.Contains("$[0].location", result.Error, StringComparison.Ordinal);
    }

    private static PreparedScenario Prepare(NetworkDocument network, ScenarioChanges changes)
    {
        var preparation = ScenarioRunner.Prepare(
            new ScenarioRequest
            {
                Base = ScenarioBase.Of(network),
                Changes = changes,
                Demand = new DemandDocument { Generate = new DemandGenerationDocument { Start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero), Days = 1, RatePerDay = 10, Seed = 1 } },
            },
            network);
        Assert.True(preparation.Scenario is not null, string.Join("\n", preparation.Errors.Select(e => $"{e.Path}: {e.Message}")));
        return preparation.Scenario!;
    }

    private static int Flatbeds(NetworkDocument network) =>
        network.Centers!.SelectMany(c => c.Resources ?? []).Count(r => r.Type == "flatbed");

    private static List<JsonElement> ReadFeatureCollection(string path)
    {
        var root = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        var features = root.GetProperty("features").EnumerateArray().ToList();
        Assert.All(features, f =>
        {
            Assert.Equal("Feature", f.GetProperty("type").GetString());
            Assert.Equal(JsonValueKind.Object, f.GetProperty("properties").ValueKind);
            var geometry = f.GetProperty("geometry");
            Assert.Contains(geometry.GetProperty("type").GetString(), new[] { "Point", "LineString" });
            var coordinates = geometry.GetProperty("coordinates");
            var positions = geometry.GetProperty("type").GetString() == "Point" ? [coordinates] : coordinates.EnumerateArray().ToList();
            Assert.All(positions, p =>
            {
                Assert.Equal(2, p.GetArrayLength());
                Assert.InRange(p[0].GetDouble(), -180, 180);
                Assert.InRange(p[1].GetDouble(), -90, 90);
            });
        });
        return features;
    }

    private static string? Kind(JsonElement feature) => feature.GetProperty("properties").GetProperty("kind").GetString();

    private static (double Lon, double Lat) Coordinates(JsonElement point)
    {
        var c = point.GetProperty("geometry").GetProperty("coordinates");
        return (c[0].GetDouble(), c[1].GetDouble());
    }
}
