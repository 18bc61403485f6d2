using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.Solver.Documents;

/// <summary>A what-if run as <c>POST /v1/scenarios</c> takes it: a base network, changes, demand and policies.</summary>
/// <remarks>Members are nullable so that validation reports a missing field by its path.</remarks>
public sealed record ScenarioRequest
{
    /// <summary>A label for the run in lists, optional, at most 200 characters.</summary>
    public string? Name { get; init; }

    /// <summary>The network the run starts from: the live one, or a document in the body.</summary>
    public ScenarioBase? Base { get; init; }

    /// <summary>What the scenario run changes in the base; optional (none: both runs differ only by policy).</summary>
    public ScenarioChanges? Changes { get; init; }

    /// <summary>The calls both runs take; required.</summary>
    public DemandDocument? Demand { get; init; }

    /// <summary><c>coverage</c> (default) or <c>closest</c>.</summary>
    public string? Policy { get; init; }

    /// <summary>The baseline's policy; default: <see cref="Policy"/>.</summary>
    public string? BaselinePolicy { get; init; }

    /// <summary>How long a call may wait for a unit before it is given up as unserved; default 720.</summary>
    public double? MaxWaitMin { get; init; }

    /// <summary>The request without the customer, VIN and notes of replayed calls: a run never reads them, and a
    /// stored run must not keep customer data in plain text.</summary>
    public ScenarioRequest WithoutCustomerData() => Demand?.Incidents is not { } incidents ? this : this with
    {
        Demand = Demand with { Incidents = [.. incidents.Select(i => i is null ? i! : i with { Customer = null, Vin = null, Notes = null })] },
    };
}

/// <summary><c>"live"</c> or a whole network document.</summary>
[JsonConverter(typeof(ScenarioBaseConverter))]
public sealed record ScenarioBase
{
    /// <summary>The JSON string that selects the live network.</summary>
    public const string LiveName = "live";

    /// <summary>The live network as it is when the run is checked.</summary>
    public static ScenarioBase Live { get; } = new();

    /// <summary>The network given in the body, validated like <c>PUT /v1/network</c>; null for the live one.</summary>
    public NetworkDocument? Document { get; init; }

    /// <summary>True for <c>"live"</c>.</summary>
    [JsonIgnore]
    public bool IsLive => Document is null;

    /// <summary>A base given as a whole network document.</summary>
    public static ScenarioBase Of(NetworkDocument document) => new() { Document = document ?? throw new ArgumentNullException(nameof(document)) };
}

/// <summary>Reads <c>base</c> as either the string <c>"live"</c> or a network document, and writes it back the same way.</summary>
public sealed class ScenarioBaseConverter : JsonConverter<ScenarioBase>
{
    /// <inheritdoc />
    public override ScenarioBase? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String when reader.GetString() == ScenarioBase.LiveName:
                return ScenarioBase.Live;
            case JsonTokenType.StartObject:
                var document = JsonSerializer.Deserialize<NetworkDocument>(ref reader, options)
                    ?? throw new JsonException("the base network document is null");
                return ScenarioBase.Of(document);
            default:
                throw new JsonException("\"base\" must be \"live\" or a network document");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ScenarioBase value, JsonSerializerOptions options)
    {
        if (value.Document is null)
        {
            writer.WriteStringValue(ScenarioBase.LiveName);
        }
        else
        {
            JsonSerializer.Serialize(writer, value.Document, options);
        }
    }
}

/// <summary>What the scenario changes in the base network; the baseline runs the base unchanged.</summary>
public sealed record ScenarioChanges
{
    /// <summary>Centers taken out of the run with their units and stock.</summary>
    public IReadOnlyList<string>? CloseCenters { get; init; }

    /// <summary>Units added to open centers of the base; they start available.</summary>
    public IReadOnlyList<AddedResourceDocument>? AddResources { get; init; }

    /// <summary>Ids of base units taken out of the run.</summary>
    public IReadOnlyList<string>? RemoveResources { get; init; }

    /// <summary>Sets <c>onHand</c> of a SKU at a center (reserved is free in a run).</summary>
    public IReadOnlyList<StockSettingDocument>? Stock { get; init; }

    /// <summary>Access rules added to the base, as in a network document.</summary>
    public IReadOnlyList<RuleDocument>? AddRules { get; init; }

    /// <summary>Ids of base rules that no longer apply in the run.</summary>
    public IReadOnlyList<string>? RemoveRules { get; init; }

    /// <summary>Fields of <c>parameters</c> to override; a map (resourceTypes, faults, priority tables) overrides by key.</summary>
    public NetworkParameters? Parameters { get; init; }
}

/// <summary>A unit a scenario adds.</summary>
public sealed record AddedResourceDocument
{
    /// <summary>Its center: one of the base, not closed by the same scenario; required.</summary>
    public string? CenterId { get; init; }

    /// <summary>A new resource id (an id the scenario removes may be reused); required.</summary>
    public string? Id { get; init; }

    /// <summary>A key of <c>parameters.resourceTypes</c> after the scenario's parameter changes; required.</summary>
    public string? Type { get; init; }

    /// <summary>Where the unit starts; default: its center's location.</summary>
    public GeoPoint? Position { get; init; }
}

/// <summary>A stock level a scenario sets, e.g. to model a shortage of one tyre size.</summary>
public sealed record StockSettingDocument
{
    /// <summary>A center of the base, not closed by the same scenario; required.</summary>
    public string? CenterId { get; init; }

    /// <summary>The part, at most 128 characters; required. It need not be stocked in the base.</summary>
    public string? Sku { get; init; }

    /// <summary>The units on hand the run starts with, replacing the base's: a whole number &gt;= 0; required.</summary>
    public double? OnHand { get; init; }
}

/// <summary>The calls of a run: replayed incidents, or a seeded generator. Exactly one of the two.</summary>
public sealed record DemandDocument
{
    /// <summary>Calls to replay: incident bodies, each with its <c>id</c> and <c>reportedAt</c>; taken in order of
    /// <c>reportedAt</c>, then id.</summary>
    public IReadOnlyList<IncidentRequest>? Incidents { get; init; }

    /// <summary>Calls drawn from the network's demand points by a seeded generator.</summary>
    public DemandGenerationDocument? Generate { get; init; }
}

/// <summary>Generated demand (docs/simulation.md "The calls"): Poisson calls over a span, with a daily profile and surges.</summary>
public sealed record DemandGenerationDocument
{
    /// <summary>The start of the span and of the horizon, years 2000–2200; required.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>The length of the span in days, &gt; 0 and at most 400; required.</summary>
    public double? Days { get; init; }

    /// <summary>Mean calls per day over the whole network before profile and surges, &gt; 0 and at most 200,000; required.</summary>
    public double? RatePerDay { get; init; }

    /// <summary>The generator's seed, default 1: the same seed gives the same calls on any machine.</summary>
    public long? Seed { get; init; }

    /// <summary>What the calls are; default: the mix of docs/simulation.md.</summary>
    public DemandMixDocument? Mix { get; init; }

    /// <summary>Rate multipliers over parts of the span; several that overlap multiply.</summary>
    public IReadOnlyList<SurgeDocument>? Surges { get; init; }
}

/// <summary>Relative weights of what generated calls are; any table left out takes the defaults.</summary>
public sealed record DemandMixDocument
{
    /// <summary>Weight per fault of the network's catalog (&gt;= 0).</summary>
    public IReadOnlyDictionary<string, double>? Faults { get; init; }

    /// <summary>Weight per powertrain: <c>bev</c>, <c>erev</c>, <c>phev</c>, <c>ice</c>.</summary>
    public IReadOnlyDictionary<string, double>? Powertrains { get; init; }

    /// <summary>Weight per priority: <c>p1</c>, <c>p2</c>, <c>p3</c>.</summary>
    public IReadOnlyDictionary<string, double>? Priorities { get; init; }

    /// <summary>Weight per tyre size; default: the sizes the network stocks, weighted by units on hand.</summary>
    public IReadOnlyDictionary<string, double>? TireSpecs { get; init; }

    /// <summary>Share of calls on an expressway, 0..1.</summary>
    public double? ExpresswayShare { get; init; }
}

/// <summary>Multiplies the call rate by <see cref="Factor"/> inside a region or a zone from <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record SurgeDocument
{
    /// <summary>A region code; give exactly one of this and <see cref="Zone"/>.</summary>
    public string? Region { get; init; }

    /// <summary>A GeoJSON Polygon or MultiPolygon; the surge applies to the demand points inside it.</summary>
    public GeoJsonValue? Zone { get; init; }

    /// <summary>Start of the surge; required.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>End of the surge, after <see cref="From"/>; required.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>The rate multiplier, from 0 to 100; required.</summary>
    public double? Factor { get; init; }
}
