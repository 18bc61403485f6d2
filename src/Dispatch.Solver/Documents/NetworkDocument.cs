namespace Dispatch.Solver.Documents;

/// <summary>The whole network as PUT /v1/network takes it and GET returns it
/// (docs/dispatch-semantics.md "The network document").</summary>
/// <remarks>Members are nullable so that validation can report a missing field by its path instead of
/// the serializer failing on the first one.</remarks>
public sealed record NetworkDocument
{
    public NetworkParameters? Parameters { get; init; }
    public IReadOnlyList<RegionDocument>? Regions { get; init; }
    public IReadOnlyList<CenterDocument>? Centers { get; init; }
    public IReadOnlyList<DemandPointDocument>? DemandPoints { get; init; }
    public IReadOnlyList<RuleDocument>? Rules { get; init; }
}

public sealed record NetworkParameters
{
    public string? TimeZone { get; init; }
    public IReadOnlyDictionary<string, ResourceTypeDocument>? ResourceTypes { get; init; }
    public IReadOnlyList<string>? EvTowTypes { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyList<FaultModeDocument>>? Faults { get; init; }
    public double? CrossRegionPenaltyMin { get; init; }
    public double? PartnerPenaltyMin { get; init; }
    public double? CoverageLambda { get; init; }
    public IReadOnlyDictionary<string, double>? PriorityCoverageFactor { get; init; }
    public IReadOnlyDictionary<string, double>? PriorityWeight { get; init; }
    public IReadOnlyDictionary<string, double>? UnassignedPenaltyMin { get; init; }
}

public sealed record ResourceTypeDocument
{
    public double? SpeedKmh { get; init; }
    public double? MobilizationMin { get; init; }
    public string? CoverageClass { get; init; }
}

public sealed record FaultModeDocument
{
    public string? Mode { get; init; }
    public IReadOnlyList<string>? Types { get; init; }
    public string? Part { get; init; }
    public double? ServiceMin { get; init; }
    public double? PenaltyMin { get; init; }
}

public sealed record RegionDocument
{
    public string? Code { get; init; }
    public string? Name { get; init; }
    public GeoJsonValue? Geometry { get; init; }
    public bool Remote { get; init; }
    public double? CoverageStandardMin { get; init; }
    public double? CoverageWeight { get; init; }
    public double? Circuity { get; init; }
    public double? SpeedFactor { get; init; }
}

public sealed record CenterDocument
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Kind { get; init; }
    public GeoPoint? Location { get; init; }
    public double? ServiceRadiusKm { get; init; }
    public IReadOnlyList<ResourceDocument>? Resources { get; init; }
    public IReadOnlyDictionary<string, StockLevel>? Stock { get; init; }
}

public sealed record ResourceDocument
{
    public string? Id { get; init; }
    public string? Type { get; init; }
    public string? Status { get; init; }
    public GeoPoint? Position { get; init; }
}

public sealed record StockLevel
{
    public double? OnHand { get; init; }
    public double? Reserved { get; init; }
}

public sealed record DemandPointDocument
{
    public string? Id { get; init; }
    public GeoPoint? Location { get; init; }
    public double? Weight { get; init; }
}

public sealed record RuleDocument
{
    public string? Id { get; init; }
    public string? Kind { get; init; }
    public IReadOnlyList<string>? Types { get; init; }
    public GeoJsonValue? Zone { get; init; }
    public string? Scope { get; init; }
    public RuleWindowDocument? Window { get; init; }
    public string? Description { get; init; }
}

public sealed record RuleWindowDocument
{
    public string? Start { get; init; }
    public string? End { get; init; }
    public IReadOnlyList<int>? Days { get; init; }
    public string? Tz { get; init; }
}
