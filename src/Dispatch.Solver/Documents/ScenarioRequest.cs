using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dispatch.Solver.Documents;

/// <summary>A what-if run as <c>POST /v1/scenarios</c> takes it: a base network, changes, demand and policies.</summary>
/// <remarks>Members are nullable so that validation reports a missing field by its path.</remarks>
public sealed record ScenarioRequest
{
    public string? Name { get; init; }

    /// <summary>The network the run starts from: the live one, or a document in the body.</summary>
    public ScenarioBase? Base { get; init; }

    public ScenarioChanges? Changes { get; init; }
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
    public const string LiveName = "live";

    public static ScenarioBase Live { get; } = new();

    public NetworkDocument? Document { get; init; }

    [JsonIgnore]
    public bool IsLive => Document is null;

    public static ScenarioBase Of(NetworkDocument document) => new() { Document = document ?? throw new ArgumentNullException(nameof(document)) };
}

public sealed class ScenarioBaseConverter : JsonConverter<ScenarioBase>
{
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
    public IReadOnlyList<AddedResourceDocument>? AddResources { get; init; }
    public IReadOnlyList<string>? RemoveResources { get; init; }

    /// <summary>Sets <c>onHand</c> of a SKU at a center (reserved is free in a run).</summary>
    public IReadOnlyList<StockSettingDocument>? Stock { get; init; }
    public IReadOnlyList<RuleDocument>? AddRules { get; init; }
    public IReadOnlyList<string>? RemoveRules { get; init; }

    /// <summary>Fields of <c>parameters</c> to override; a map (resourceTypes, faults, priority tables) overrides by key.</summary>
    public NetworkParameters? Parameters { get; init; }
}

public sealed record AddedResourceDocument
{
    public string? CenterId { get; init; }
    public string? Id { get; init; }
    public string? Type { get; init; }
    public GeoPoint? Position { get; init; }
}

public sealed record StockSettingDocument
{
    public string? CenterId { get; init; }
    public string? Sku { get; init; }
    public double? OnHand { get; init; }
}

/// <summary>The calls of a run: replayed incidents, or a seeded generator. Exactly one of the two.</summary>
public sealed record DemandDocument
{
    public IReadOnlyList<IncidentRequest>? Incidents { get; init; }
    public DemandGenerationDocument? Generate { get; init; }
}

public sealed record DemandGenerationDocument
{
    public DateTimeOffset? Start { get; init; }
    public double? Days { get; init; }
    public double? RatePerDay { get; init; }
    public long? Seed { get; init; }
    public DemandMixDocument? Mix { get; init; }
    public IReadOnlyList<SurgeDocument>? Surges { get; init; }
}

/// <summary>Relative weights of what generated calls are; any table left out takes the defaults.</summary>
public sealed record DemandMixDocument
{
    public IReadOnlyDictionary<string, double>? Faults { get; init; }
    public IReadOnlyDictionary<string, double>? Powertrains { get; init; }
    public IReadOnlyDictionary<string, double>? Priorities { get; init; }
    public IReadOnlyDictionary<string, double>? TireSpecs { get; init; }

    /// <summary>Share of calls on an expressway, 0..1.</summary>
    public double? ExpresswayShare { get; init; }
}

/// <summary>Multiplies the call rate by <see cref="Factor"/> inside a region or a zone from <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record SurgeDocument
{
    public string? Region { get; init; }
    public GeoJsonValue? Zone { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public double? Factor { get; init; }
}
