using System.Text.Json;
using System.Text.Json.Serialization;
using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Placement;

/// <summary>
/// The body of <c>POST /v1/planning/placement</c> (docs/api.md "Planning"), turned into a problem by
/// <see cref="PlacementProblemBuilder"/>. Members are nullable so that validation reports a missing or malformed
/// field by its path; numbers that must be whole (k) are read as numbers and checked.
/// </summary>
public sealed record PlacementRequest
{
    /// <summary><c>mclp</c> or <c>pmedian</c>.</summary>
    public string? Model { get; init; }

    public double? K { get; init; }

    /// <summary>A key of <c>parameters.resourceTypes</c>: its speed and mobilization give the travel times, and with
    /// <c>existing</c> its available units are today's coverage.</summary>
    public string? ResourceType { get; init; }

    /// <summary><c>"centers"</c> (the default: every center's location) or a list of sites.</summary>
    public PlacementCandidates? Candidates { get; init; }

    /// <summary>The demand; default: the network's demand points, weighted by their region's coverageWeight.</summary>
    public IReadOnlyList<PlacementDemandPoint>? Demand { get; init; }

    /// <summary>mclp: one standard for every demand point instead of its region's coverageStandardMin.</summary>
    public double? StandardMin { get; init; }

    /// <summary>mclp: demand already covered by today's available units of the type counts as covered. p-median:
    /// those units serve demand too, so a new site only counts where it is nearer.</summary>
    public bool? Existing { get; init; }

    /// <summary>Travel times to use instead of the formula; its sites and demand are then the problem's.</summary>
    public PlacementTravelMatrix? TravelMatrix { get; init; }

    public double? TimeLimitMs { get; init; }
}

/// <summary><c>"centers"</c> or a list of candidate sites.</summary>
[JsonConverter(typeof(PlacementCandidatesConverter))]
public sealed record PlacementCandidates
{
    public const string CentersName = "centers";

    public static PlacementCandidates Centers { get; } = new();

    /// <summary>Null for <c>"centers"</c>.</summary>
    public IReadOnlyList<PlacementSite>? Sites { get; init; }

    [JsonIgnore]
    public bool AreCenters => Sites is null;

    public static PlacementCandidates Of(IReadOnlyList<PlacementSite> sites) => new() { Sites = sites ?? throw new ArgumentNullException(nameof(sites)) };
}

public sealed record PlacementSite
{
    public string? Id { get; init; }

    public GeoPoint? Location { get; init; }
}

public sealed record PlacementDemandPoint
{
    public string? Id { get; init; }

    public GeoPoint? Location { get; init; }

    public double? Weight { get; init; }
}

/// <summary><c>minutes[i][j]</c>: from site <c>sites[i]</c> to demand point <c>demand[j]</c>.</summary>
public sealed record PlacementTravelMatrix
{
    public IReadOnlyList<string>? Sites { get; init; }

    public IReadOnlyList<string>? Demand { get; init; }

    public IReadOnlyList<IReadOnlyList<double>>? Minutes { get; init; }
}

public sealed class PlacementCandidatesConverter : JsonConverter<PlacementCandidates>
{
    public override PlacementCandidates? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String when reader.GetString() == PlacementCandidates.CentersName:
                return PlacementCandidates.Centers;
            case JsonTokenType.StartArray:
                var sites = JsonSerializer.Deserialize<List<PlacementSite>>(ref reader, options) ?? [];
                return PlacementCandidates.Of(sites);
            default:
                throw new JsonException("\"candidates\" must be \"centers\" or a list of {id, location}");
        }
    }

    public override void Write(Utf8JsonWriter writer, PlacementCandidates value, JsonSerializerOptions options)
    {
        if (value.Sites is null)
        {
            writer.WriteStringValue(PlacementCandidates.CentersName);
        }
        else
        {
            JsonSerializer.Serialize(writer, value.Sites, options);
        }
    }
}

/// <summary>The answer as <c>POST /v1/planning/placement</c> writes it (docs/api.md "Planning"), and as
/// <c>dispatch plan --json</c> prints it; <see cref="CoveredWeight"/> is omitted for p-median.</summary>
public sealed record PlacementAnswer(
    IReadOnlyList<string> Sites,
    double Objective,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? CoveredWeight,
    bool Optimal,
    double Gap,
    long SolveMillis)
{
    public static PlacementAnswer From(PlacementSolution solution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        return new PlacementAnswer(solution.SiteIds, solution.Objective, solution.CoveredWeight, solution.Optimal, solution.Gap, solution.SolveMillis);
    }
}
