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

    /// <summary>How many sites to open: a whole number from 1 to the number of candidates; required.</summary>
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

    /// <summary>The solve's time budget in milliseconds, default 30,000 (the HTTP endpoint caps it at 120,000). When it
    /// runs out the best sites found are answered with <c>optimal: false</c>.</summary>
    public double? TimeLimitMs { get; init; }
}

/// <summary><c>"centers"</c> or a list of candidate sites.</summary>
[JsonConverter(typeof(PlacementCandidatesConverter))]
public sealed record PlacementCandidates
{
    /// <summary>The JSON string that selects every center's location as a candidate.</summary>
    public const string CentersName = "centers";

    /// <summary>The default candidates: every center's location.</summary>
    public static PlacementCandidates Centers { get; } = new();

    /// <summary>Null for <c>"centers"</c>.</summary>
    public IReadOnlyList<PlacementSite>? Sites { get; init; }

    /// <summary>True for <c>"centers"</c>, false for a list of sites.</summary>
    [JsonIgnore]
    public bool AreCenters => Sites is null;

    /// <summary>Candidates given as a list of sites.</summary>
    public static PlacementCandidates Of(IReadOnlyList<PlacementSite> sites) => new() { Sites = sites ?? throw new ArgumentNullException(nameof(sites)) };
}

/// <summary>A candidate site for a new station.</summary>
public sealed record PlacementSite
{
    /// <summary>Names the site in the answer's <c>sites</c> and in <c>travelMatrix.sites</c>; unique, required.</summary>
    public string? Id { get; init; }

    /// <summary>Where a station could open; travel times are measured from here. Required.</summary>
    public GeoPoint? Location { get; init; }
}

/// <summary>A point of demand given in the request instead of the network's demand points.</summary>
public sealed record PlacementDemandPoint
{
    /// <summary>Names the point in <c>travelMatrix.demand</c>; unique, required.</summary>
    public string? Id { get; init; }

    /// <summary>Where the demand is; it must lie in a region, whose standard mclp uses. Required.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>How much the point counts in the objective; finite, &gt;= 0, required. Used as
    /// given, not scaled by the region's coverageWeight.</summary>
    public double? Weight { get; init; }
}

/// <summary><c>minutes[i][j]</c>: from site <c>sites[i]</c> to demand point <c>demand[j]</c>.</summary>
public sealed record PlacementTravelMatrix
{
    /// <summary>Ids of known candidates (centers or the listed sites), once each, one per row; in this order they become
    /// the problem's candidates.</summary>
    public IReadOnlyList<string>? Sites { get; init; }

    /// <summary>Ids of known demand points, once each, one per column; in this order they become the problem's demand.</summary>
    public IReadOnlyList<string>? Demand { get; init; }

    /// <summary>Travel minutes, finite and &gt;= 0, one row per site with one entry per demand point.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? Minutes { get; init; }
}

/// <summary>Reads <c>candidates</c> as either the string <c>"centers"</c> or an array of sites, and writes it back the same way.</summary>
public sealed class PlacementCandidatesConverter : JsonConverter<PlacementCandidates>
{
    /// <inheritdoc />
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

    /// <inheritdoc />
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
    /// <summary>The wire subset of a solution: ids, not indices, and no bound or method.</summary>
    public static PlacementAnswer From(PlacementSolution solution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        return new PlacementAnswer(solution.SiteIds, solution.Objective, solution.CoveredWeight, solution.Optimal, solution.Gap, solution.SolveMillis);
    }
}
