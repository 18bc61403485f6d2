using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Cli.Planning;
using Dispatch.Cli.Running;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Placement;

namespace Dispatch.Cli.Output;

/// <summary>The files of <c>plan</c>: <c>answer.json</c> (the API's answer), <c>sites.geojson</c> (the chosen sites and
/// the demand they serve) and, with <c>--apply</c>, a scenario changes file.</summary>
public static class PlanFiles
{
    public const string AnswerName = "answer.json";
    public const string GeoJsonName = "sites.geojson";

    private static readonly JsonSerializerOptions Compact = new(JsonSerializerDefaults.Web);

    /// <summary>The answer on one line, as <c>--json</c> prints it.</summary>
    public static string AnswerLine(PlanOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.AnswerJson.ToJsonString(Compact);
    }

    public static string WriteAnswer(PlanOutcome outcome, string directory)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return Write(directory, AnswerName, outcome.AnswerJson.ToJsonString(CliJson.Options));
    }

    /// <summary>A FeatureCollection (RFC 7946, coordinates [lon, lat]): a Point per chosen site (<c>kind: "site"</c>,
    /// with the demand it serves), a Point per demand point (<c>kind: "demand"</c>, with its <c>site</c>, weight and
    /// time), and a LineString from each demand point to its site (<c>kind: "assignment"</c>). A place that is not
    /// known has a null geometry.</summary>
    public static string WriteGeoJson(PlanOutcome outcome, string directory)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return Write(directory, GeoJsonName, GeoJson(outcome).ToJsonString(CliJson.Options));
    }

    public static JsonObject GeoJson(PlanOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var places = outcome.Places;
        var mclp = outcome.Model == PlacementModel.Mclp;
        var features = new JsonArray();
        var services = outcome.Assignments is { } assignments
            ? PlanAssignment.Services(outcome.Model, outcome.Answer.Sites, assignments).ToDictionary(s => s.SiteId, StringComparer.Ordinal)
            : null;
        for (var i = 0; i < outcome.Answer.Sites.Count; i++)
        {
            var id = outcome.Answer.Sites[i];
            var properties = new JsonObject { ["kind"] = "site", ["id"] = id, ["rank"] = i + 1 };
            if (places.CenterOf(id) is { } center)
            {
                properties["centerId"] = center.Id;
                properties["name"] = center.Name;
            }

            if (services?.GetValueOrDefault(id) is { } service)
            {
                properties["demandPoints"] = service.DemandPoints;
                properties["weight"] = Number(service.Weight);
                if (mclp)
                {
                    properties["newlyCoveredWeight"] = Number(service.NewlyCoveredWeight ?? 0);
                }
                else
                {
                    properties["meanTimeMin"] = service.Weight > 0 ? Number(Math.Round(service.WeightedTime / service.Weight, 3)) : null;
                }
            }

            features.Add(Feature(Point(places.Site(id)), properties));
        }

        foreach (var a in outcome.Assignments ?? [])
        {
            var properties = new JsonObject
            {
                ["kind"] = "demand",
                ["id"] = a.DemandId,
                ["weight"] = Number(a.Weight),
                ["site"] = a.SiteId,
                ["timeMin"] = Number(Math.Round(a.TimeMin, 3)),
            };
            if (mclp)
            {
                properties["covered"] = a.Covered;
            }

            if (a.AlreadyServed)
            {
                properties["alreadyServed"] = true;
            }

            var from = places.Demand(a.DemandId);
            features.Add(Feature(Point(from), properties));
            if (a.SiteId is not null && from is not null && places.Site(a.SiteId) is { } to)
            {
                features.Add(Feature(
                    new JsonObject { ["type"] = "LineString", ["coordinates"] = new JsonArray(Coordinates(from), Coordinates(to)) },
                    new JsonObject
                    {
                        ["kind"] = "assignment",
                        ["demand"] = a.DemandId,
                        ["site"] = a.SiteId,
                        ["weight"] = Number(a.Weight),
                        ["timeMin"] = Number(Math.Round(a.TimeMin, 3)),
                    }));
            }
        }

        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features };
    }

    /// <summary>Writes the <c>changes</c> object of a scenario, as <c>dispatch simulate --changes</c> reads it.</summary>
    public static string WriteChanges(ScenarioChanges changes, string path)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var json = JsonSerializer.SerializeToNode(changes, DocumentJson.Options)!.ToJsonString(CliJson.Options);
        File.WriteAllText(full, json, new UTF8Encoding(false));
        return full;
    }

    private static JsonObject Feature(JsonNode? geometry, JsonObject properties) =>
        new() { ["type"] = "Feature", ["geometry"] = geometry, ["properties"] = properties };

    private static JsonObject? Point(GeoPoint? at) =>
        at is null ? null : new JsonObject { ["type"] = "Point", ["coordinates"] = Coordinates(at) };

    private static JsonArray Coordinates(GeoPoint at) => new(at.Lon, at.Lat);

    // JSON has no infinity; a time nobody reaches is null.
    private static JsonValue? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    private static string Write(string directory, string name, string json)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, json, new UTF8Encoding(false));
        return path;
    }
}
