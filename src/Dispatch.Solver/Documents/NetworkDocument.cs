namespace Dispatch.Solver.Documents;

/// <summary>The whole network as PUT /v1/network takes it and GET returns it
/// (docs/dispatch-semantics.md "The network document").</summary>
/// <remarks>Members are nullable so that validation can report a missing field by its path instead of
/// the serializer failing on the first one.</remarks>
public sealed record NetworkDocument
{
    /// <summary>The tunable numbers and catalogs; required.</summary>
    public NetworkParameters? Parameters { get; init; }

    /// <summary>The served area, split into regions with their terrain and standards; required. Where regions overlap,
    /// the first in document order wins.</summary>
    public IReadOnlyList<RegionDocument>? Regions { get; init; }

    /// <summary>The centers with their units and stock; required.</summary>
    public IReadOnlyList<CenterDocument>? Centers { get; init; }

    /// <summary>Where future calls are expected, for coverage; default none.</summary>
    public IReadOnlyList<DemandPointDocument>? DemandPoints { get; init; }

    /// <summary>Access rules; when several bar a unit, the first in document order is the reason given. Default none.</summary>
    public IReadOnlyList<RuleDocument>? Rules { get; init; }
}

/// <summary>The <c>parameters</c> of a network: travel per resource type, the fault catalog and the prices the score uses.</summary>
public sealed record NetworkParameters
{
    /// <summary>The IANA zone of rule windows that name none, and of the simulated daily demand profile; required.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The resource types by name (at most 64 characters); required.</summary>
    public IReadOnlyDictionary<string, ResourceTypeDocument>? ResourceTypes { get; init; }

    /// <summary>The types allowed to tow a <c>bev</c>, <c>erev</c> or <c>phev</c> vehicle; absent means <c>["flatbed"]</c>.</summary>
    public IReadOnlyList<string>? EvTowTypes { get; init; }

    /// <summary>The fault catalog: per fault name, its modes in catalog order (score ties go to the earlier one);
    /// required. A fault with no modes excludes every unit.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FaultModeDocument>>? Faults { get; init; }

    /// <summary>Minutes added to the score of a unit whose center is in another region than the incident; &gt;= 0, required.</summary>
    public double? CrossRegionPenaltyMin { get; init; }

    /// <summary>Minutes added to the score of a unit of a <c>partner</c> center; &gt;= 0, required.</summary>
    public double? PartnerPenaltyMin { get; init; }

    /// <summary>Score minutes per unit of coverage loss: the price of leaving demand uncovered; &gt;= 0, required.</summary>
    public double? CoverageLambda { get; init; }

    /// <summary>Per priority (exactly <c>p1</c>, <c>p2</c>, <c>p3</c>): how much of the coverage price an incident pays,
    /// so that a life-threatening call need not wait for coverage; &gt;= 0, required.</summary>
    public IReadOnlyDictionary<string, double>? PriorityCoverageFactor { get; init; }

    /// <summary>Per priority (exactly <c>p1</c>, <c>p2</c>, <c>p3</c>): the weight of an incident's score in batch
    /// dispatch's objective; &gt;= 0, required.</summary>
    public IReadOnlyDictionary<string, double>? PriorityWeight { get; init; }

    /// <summary>Per priority (exactly <c>p1</c>, <c>p2</c>, <c>p3</c>): what batch dispatch's objective pays, in minutes,
    /// for leaving an incident unassigned; &gt;= 0, required.</summary>
    public IReadOnlyDictionary<string, double>? UnassignedPenaltyMin { get; init; }
}

/// <summary>A resource type: how fast its units travel and which need they cover.</summary>
public sealed record ResourceTypeDocument
{
    /// <summary>Average speed in km/h before the region's <c>speedFactor</c>; &gt; 0, required.</summary>
    public double? SpeedKmh { get; init; }

    /// <summary>Minutes before a unit rolls, added to every ETA; &gt;= 0, required.</summary>
    public double? MobilizationMin { get; init; }

    /// <summary>The coverage class (e.g. <c>tow</c>, <c>service</c>): a unit covers demand only for its own class; required.</summary>
    public string? CoverageClass { get; init; }
}

/// <summary>One way of serving a fault (docs/dispatch-semantics.md "Fault catalog").</summary>
public sealed record FaultModeDocument
{
    /// <summary><c>onsite</c> (fixed where it stands) or <c>tow</c> (taken to the unit's own center); unique within the fault.</summary>
    public string? Mode { get; init; }

    /// <summary>The resource types that can do it: at least one, each a key of <c>parameters.resourceTypes</c>.</summary>
    public IReadOnlyList<string>? Types { get; init; }

    /// <summary>A SKU template the mode consumes, optional; <c>{tireSpec}</c> is replaced by the vehicle's tyre spec. The
    /// part must be in stock at the unit's own center.</summary>
    public string? Part { get; init; }

    /// <summary>Minutes on scene; only simulation uses it. &gt;= 0, required.</summary>
    public double? ServiceMin { get; init; }

    /// <summary>Minutes added to the score for the expected extra cost of serving this way; &gt;= 0, default 0.</summary>
    public double? PenaltyMin { get; init; }
}

/// <summary>A region (docs/dispatch-semantics.md "Regions"): its area, its road terrain and the service expected there.</summary>
public sealed record RegionDocument
{
    /// <summary>The region's id; answers and KPIs name the region by it.</summary>
    public string? Code { get; init; }

    /// <summary>A display name.</summary>
    public string? Name { get; init; }

    /// <summary>The area: a GeoJSON Polygon or MultiPolygon with closed rings and no self-intersection; required.</summary>
    public GeoJsonValue? Geometry { get; init; }

    /// <summary>Reported apart in KPIs, because the network is thin there; default false.</summary>
    public bool Remote { get; init; }

    /// <summary>The response time, in minutes, within which a demand point of the region counts as covered; &gt; 0, required.</summary>
    public double? CoverageStandardMin { get; init; }

    /// <summary>Multiplies the weight of the region's demand points in every coverage figure; &gt;= 0, required.</summary>
    public double? CoverageWeight { get; init; }

    /// <summary>Road km per great-circle km for trips ending in the region; &gt;= 1, required.</summary>
    public double? Circuity { get; init; }

    /// <summary>Multiplies vehicle speed for trips ending in the region; &gt; 0, required.</summary>
    public double? SpeedFactor { get; init; }
}

/// <summary>A center: where units are based and parts are stocked.</summary>
public sealed record CenterDocument
{
    /// <summary>Unique among centers, at most 128 characters; required.</summary>
    public string? Id { get; init; }

    /// <summary>A display name.</summary>
    public string? Name { get; init; }

    /// <summary>The number customers are given to call the center (customer notifications), at most 40 characters;
    /// optional.</summary>
    public string? Phone { get; init; }

    /// <summary><c>direct</c> or <c>partner</c> (a contracted operator: its units pay <c>partnerPenaltyMin</c> and alone
    /// may serve under <c>partner_only</c> rules); required.</summary>
    public string? Kind { get; init; }

    /// <summary>Where the center is, in some region; the service radius is measured from here. Required.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>How far from the center, in great-circle km, its units may serve; &gt; 0, required.</summary>
    public double? ServiceRadiusKm { get; init; }

    /// <summary>The center's units; default none.</summary>
    public IReadOnlyList<ResourceDocument>? Resources { get; init; }

    /// <summary>Parts by SKU; default none. A SKU not listed counts as 0 on hand.</summary>
    public IReadOnlyDictionary<string, StockLevel>? Stock { get; init; }
}

/// <summary>A unit (vehicle and crew) of a center.</summary>
public sealed record ResourceDocument
{
    /// <summary>Unique across all centers (a dispatch names a unit, not a center), at most 128 characters; required.</summary>
    public string? Id { get; init; }

    /// <summary>A key of <c>parameters.resourceTypes</c>; required.</summary>
    public string? Type { get; init; }

    /// <summary><c>available</c>, <c>assigned</c> (held by an open incident) or <c>offline</c>; only available units are
    /// candidates. Required.</summary>
    public string? Status { get; init; }

    /// <summary>Where the unit is now, from which its ETAs are measured; default: its center's location.</summary>
    public GeoPoint? Position { get; init; }
}

/// <summary>One stock line: whole numbers with <c>0 &lt;= reserved &lt;= onHand</c>.</summary>
public sealed record StockLevel
{
    /// <summary>Parts at the center, reserved ones included; required.</summary>
    public double? OnHand { get; init; }

    /// <summary>Parts set aside, at least those open incidents hold; default 0. A unit may take a part only when <c>onHand - reserved &gt;= 1</c>.</summary>
    public double? Reserved { get; init; }
}

/// <summary>A place future calls are expected from, for the coverage index, placement and generated demand.</summary>
public sealed record DemandPointDocument
{
    /// <summary>Unique among demand points; required.</summary>
    public string? Id { get; init; }

    /// <summary>The point, in some region, whose standard and coverage weight apply; required.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>How many of the future calls come from here, relatively; coverage counts it times the region's
    /// <c>coverageWeight</c>. &gt;= 0, required.</summary>
    public double? Weight { get; init; }
}

/// <summary>An access rule (docs/dispatch-semantics.md "Access rules"): where, when and which types may not operate.</summary>
public sealed record RuleDocument
{
    /// <summary>Unique among rules; exclusion reasons name it (<c>rule_denied:&lt;id&gt;</c>, <c>partner_only:&lt;id&gt;</c>).</summary>
    public string? Id { get; init; }

    /// <summary><c>deny</c> (the types may not operate there) or <c>partner_only</c> (only from a <c>partner</c> center).</summary>
    public string? Kind { get; init; }

    /// <summary>The resource types the rule concerns: at least one, each a key of <c>parameters.resourceTypes</c>.</summary>
    public IReadOnlyList<string>? Types { get; init; }

    /// <summary>A GeoJSON Polygon or MultiPolygon the incident must be in. A rule needs a zone, a scope or both; with
    /// both, both must hold.</summary>
    public GeoJsonValue? Zone { get; init; }

    /// <summary><c>expressway</c>: the rule applies to incidents with <c>onExpressway</c>.</summary>
    public string? Scope { get; init; }

    /// <summary>When the rule applies, judged by the incident's <c>reportedAt</c>; absent: always.</summary>
    public RuleWindowDocument? Window { get; init; }

    /// <summary>Free text for people, optional, at most 4000 characters.</summary>
    public string? Description { get; init; }
}

/// <summary>A weekly time span of a rule. When <see cref="End"/> is before <see cref="Start"/> the span wraps past midnight.</summary>
public sealed record RuleWindowDocument
{
    /// <summary><c>HH:mm</c>, inclusive.</summary>
    public string? Start { get; init; }

    /// <summary><c>HH:mm</c>, exclusive; different from <see cref="Start"/>.</summary>
    public string? End { get; init; }

    /// <summary>ISO weekdays (1 Monday to 7 Sunday) on which the span starts; absent or empty: every day.</summary>
    public IReadOnlyList<int>? Days { get; init; }

    /// <summary>The IANA zone of the span; absent: <c>parameters.timeZone</c>.</summary>
    public string? Tz { get; init; }
}
