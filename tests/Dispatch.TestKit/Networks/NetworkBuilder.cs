using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Validation;

namespace Dispatch.TestKit.Networks;

/// <summary>Builds small, valid network documents by hand.</summary>
/// <remarks>Defaults are chosen so that expected numbers are easy to work out: every resource type drives
/// 60 km/h with no mobilization, regions have circuity 1 and speed factor 1 (so etaMin equals the distance
/// in km), nothing is stocked, there are no demand points (coverage loss 0) and no rules.</remarks>
public sealed class NetworkBuilder
{
    public const string SouthRegion = "R1";
    public const string NorthRegion = "R2";

    private readonly Dictionary<string, ResourceTypeDocument> resourceTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<FaultModeDocument>> faults = new(StringComparer.Ordinal);
    private readonly List<RegionDocument> regions = [];
    private readonly List<CenterBuilder> centers = [];
    private readonly List<DemandPointDocument> demandPoints = [];
    private readonly List<RuleDocument> rules = [];
    private NetworkParameters parameters;
    private double centerRadiusKm = CenterBuilder.DefaultRadiusKm;

    private NetworkBuilder()
    {
        parameters = new NetworkParameters
        {
            TimeZone = "Asia/Shanghai",
            EvTowTypes = ["flatbed"],
            CrossRegionPenaltyMin = 20,
            PartnerPenaltyMin = 10,
            CoverageLambda = 1.0,
            PriorityCoverageFactor = new Dictionary<string, double> { ["p1"] = 0.0, ["p2"] = 0.5, ["p3"] = 1.0 },
            PriorityWeight = new Dictionary<string, double> { ["p1"] = 4, ["p2"] = 2, ["p3"] = 1 },
            UnassignedPenaltyMin = new Dictionary<string, double> { ["p1"] = 100000, ["p2"] = 50000, ["p3"] = 20000 },
        };
    }

    /// <summary>Default parameters, types flatbed/wheel_lift (class tow) and service_van (class service), the
    /// faults stuck, flat_tire, battery and lockout (no modes), and regions R1 (south) and R2 (north).</summary>
    public static NetworkBuilder Create() =>
        new NetworkBuilder()
            .ResourceType("flatbed")
            .ResourceType("wheel_lift")
            .ResourceType("service_van", coverageClass: "service")
            .Fault("stuck", Modes.Tow(["flatbed", "wheel_lift"]))
            .Fault("flat_tire", Modes.Onsite(["service_van"], part: "TIRE-{tireSpec}"), Modes.Tow(["flatbed", "wheel_lift"], penaltyMin: 30))
            .Fault("battery", Modes.Onsite(["service_van"], part: "BATT-12V"))
            .Fault("lockout")
            .Region(SouthRegion, Places.SouthRegionArea)
            .Region(NorthRegion, Places.NorthRegionArea);

    /// <summary>A name of its own for this network: tests that share a cluster key their dispatcher by it and prefix
    /// their center ids with it (<see cref="CenterId"/>), because center grains are keyed by center id.</summary>
    public string Key { get; } = "net-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary><paramref name="name"/> under this network's <see cref="Key"/>.</summary>
    public string CenterId(string name) => Key + "-" + name;

    /// <summary>Like <see cref="Create"/> but without regions, for tests about region order.</summary>
    public static NetworkBuilder WithoutRegions()
    {
        var builder = Create();
        builder.regions.Clear();
        return builder;
    }

    /// <summary>Removes every fault, so that the catalog is exactly what is added next, in that order.</summary>
    public NetworkBuilder NoFaults()
    {
        faults.Clear();
        return this;
    }

    public NetworkBuilder RemoveRegion(string code)
    {
        if (regions.RemoveAll(r => r.Code == code) == 0)
        {
            throw new ArgumentException("no region " + code, nameof(code));
        }

        return this;
    }

    /// <summary>The service radius of the centers added from now on, unless a center sets its own.</summary>
    public NetworkBuilder CenterRadius(double km)
    {
        centerRadiusKm = km;
        return this;
    }

    public NetworkBuilder Parameters(Func<NetworkParameters, NetworkParameters> change)
    {
        parameters = change(parameters);
        return this;
    }

    public NetworkBuilder ResourceType(string type, double speedKmh = 60, double mobilizationMin = 0, string coverageClass = "tow")
    {
        resourceTypes[type] = new ResourceTypeDocument { SpeedKmh = speedKmh, MobilizationMin = mobilizationMin, CoverageClass = coverageClass };
        return this;
    }

    /// <summary>Adds or replaces a fault; catalog order is the order of <paramref name="modes"/>.</summary>
    public NetworkBuilder Fault(string fault, params FaultModeDocument[] modes)
    {
        faults[fault] = modes;
        return this;
    }

    public NetworkBuilder Region(
        string code,
        GeoJsonValue geometry,
        double circuity = 1,
        double speedFactor = 1,
        double coverageStandardMin = 60,
        double coverageWeight = 1,
        bool remote = false)
    {
        regions.Add(new RegionDocument
        {
            Code = code,
            Name = "Region " + code,
            Geometry = geometry,
            Remote = remote,
            Circuity = circuity,
            SpeedFactor = speedFactor,
            CoverageStandardMin = coverageStandardMin,
            CoverageWeight = coverageWeight,
        });
        return this;
    }

    public NetworkBuilder ChangeRegion(string code, Func<RegionDocument, RegionDocument> change)
    {
        var index = regions.FindIndex(r => r.Code == code);
        if (index < 0)
        {
            throw new ArgumentException("no region " + code, nameof(code));
        }

        regions[index] = change(regions[index]);
        return this;
    }

    public NetworkBuilder Center(string id, GeoPoint location, Action<CenterBuilder>? configure = null)
    {
        var center = new CenterBuilder(id, location, centerRadiusKm);
        configure?.Invoke(center);
        centers.Add(center);
        return this;
    }

    public NetworkBuilder DemandPoint(string id, GeoPoint location, double weight)
    {
        demandPoints.Add(new DemandPointDocument { Id = id, Location = location, Weight = weight });
        return this;
    }

    /// <summary>Adds a rule; rules keep the order in which they are added.</summary>
    public NetworkBuilder Rule(RuleDocument rule)
    {
        rules.Add(rule);
        return this;
    }

    public NetworkDocument Build() => new()
    {
        Parameters = parameters with
        {
            ResourceTypes = new Dictionary<string, ResourceTypeDocument>(resourceTypes, StringComparer.Ordinal),
            Faults = new Dictionary<string, IReadOnlyList<FaultModeDocument>>(faults, StringComparer.Ordinal),
        },
        Regions = [.. regions],
        Centers = [.. centers.Select(c => c.Build())],
        DemandPoints = [.. demandPoints],
        Rules = [.. rules],
    };

    /// <summary>Builds the document, checks it as a PUT would (the engine takes only valid documents), and
    /// compiles it.</summary>
    public DispatchEngine BuildEngine()
    {
        var document = Build();
        var errors = NetworkValidator.Validate(document);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("invalid test network: " + string.Join("; ", errors.Select(e => e.Path + ": " + e.Message)));
        }

        return DispatchEngine.Create(document);
    }
}
