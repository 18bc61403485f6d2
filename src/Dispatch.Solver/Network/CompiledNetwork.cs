using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Geography;
using Dispatch.Solver.Rules;
using NetTopologySuite.Geometries;

namespace Dispatch.Solver.Network;

/// <summary>A validated network document turned into arrays and indexes the engine can walk quickly.</summary>
internal sealed class CompiledNetwork
{
    private static readonly GeometryFactory Points = new(new PrecisionModel(), 4326);

    private CompiledNetwork(NetworkDocument document)
    {
        Document = document;
    }

    public NetworkDocument Document { get; }
    public string TimeZone { get; private set; } = "UTC";
    public ResourceTypeSpec[] Types { get; private set; } = [];
    public Dictionary<string, ResourceTypeSpec> TypesByName { get; } = new(StringComparer.Ordinal);
    public string[] CoverageClasses { get; private set; } = [];
    public Dictionary<string, FaultModeSpec[]> Faults { get; } = new(StringComparer.Ordinal);
    public RegionSpec[] Regions { get; private set; } = [];
    public CenterSpec[] Centers { get; private set; } = [];
    public Dictionary<string, CenterSpec> CentersById { get; } = new(StringComparer.Ordinal);
    public ResourceState[] Resources { get; private set; } = [];
    public Dictionary<string, ResourceState> ResourcesById { get; } = new(StringComparer.Ordinal);

    /// <summary>Per resource index, the rank of its id in ordinal (UTF-16) order: ties compare ranks, not strings.</summary>
    public int[] OrdinalRank { get; private set; } = [];
    public DemandPointSpec[] DemandPoints { get; private set; } = [];
    public Dictionary<string, DemandPointSpec> DemandPointsById { get; } = new(StringComparer.Ordinal);
    public AccessRule[] Rules { get; private set; } = [];

    /// <summary>Per (fault, electrified, tyre spec known): the profile of checks 2–3, filled as incidents come.</summary>
    public Dictionary<(string Fault, bool Electrified, bool HasTireSpec), Dispatching.FaultProfile> FaultProfiles { get; } = [];
    public double CrossRegionPenaltyMin { get; private set; }
    public double PartnerPenaltyMin { get; private set; }
    public double CoverageLambda { get; private set; }
    public IReadOnlyDictionary<string, double> PriorityCoverageFactor { get; private set; } = new Dictionary<string, double>();
    public IReadOnlyDictionary<string, double> PriorityWeight { get; private set; } = new Dictionary<string, double>();
    public IReadOnlyDictionary<string, double> UnassignedPenaltyMin { get; private set; } = new Dictionary<string, double>();

    /// <summary>Largest service radius of any center: no option lies farther from its center.</summary>
    public double MaxServiceRadiusKm { get; private set; }

    public static CompiledNetwork Compile(NetworkDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var parameters = document.Parameters ?? throw new ArgumentException("parameters are required", nameof(document));
        var network = new CompiledNetwork(document)
        {
            TimeZone = parameters.TimeZone ?? "UTC",
            CrossRegionPenaltyMin = parameters.CrossRegionPenaltyMin ?? 0,
            PartnerPenaltyMin = parameters.PartnerPenaltyMin ?? 0,
            CoverageLambda = parameters.CoverageLambda ?? 0,
            PriorityCoverageFactor = parameters.PriorityCoverageFactor ?? new Dictionary<string, double>(),
            PriorityWeight = parameters.PriorityWeight ?? new Dictionary<string, double>(),
            UnassignedPenaltyMin = parameters.UnassignedPenaltyMin ?? new Dictionary<string, double>(),
        };
        network.CompileTypes(parameters);
        network.CompileFaults(parameters);
        network.CompileRegions(document.Regions ?? []);
        network.CompileRules(document.Rules ?? []);
        network.CompileCenters(document.Centers ?? []);
        network.CompileDemandPoints(document.DemandPoints ?? []);
        return network;
    }

    /// <summary>The first region in document order whose polygon holds the point (boundary included).</summary>
    public int RegionIndexOf(double lat, double lon)
    {
        Point? point = null;
        foreach (var region in Regions)
        {
            if (!region.Envelope.Covers(lon, lat))
            {
                continue;
            }

            point ??= Points.CreatePoint(new Coordinate(lon, lat));
            if (region.Prepared.Covers(point))
            {
                return region.Index;
            }
        }

        return -1;
    }

    private void CompileTypes(NetworkParameters parameters)
    {
        var evTow = new HashSet<string>(parameters.EvTowTypes ?? ["flatbed"], StringComparer.Ordinal);
        var classes = new List<string>();
        var types = new List<ResourceTypeSpec>();
        foreach (var (name, spec) in parameters.ResourceTypes ?? new Dictionary<string, ResourceTypeDocument>())
        {
            var coverageClass = spec.CoverageClass ?? name;
            var classIndex = classes.IndexOf(coverageClass);
            if (classIndex < 0)
            {
                classIndex = classes.Count;
                classes.Add(coverageClass);
            }

            var type = new ResourceTypeSpec(name, types.Count, spec.SpeedKmh ?? 1, spec.MobilizationMin ?? 0, classIndex, evTow.Contains(name));
            types.Add(type);
            TypesByName[name] = type;
        }

        Types = [.. types];
        CoverageClasses = [.. classes];
    }

    private bool[] TypeMask(IEnumerable<string>? names)
    {
        var mask = new bool[Types.Length];
        foreach (var name in names ?? [])
        {
            if (TypesByName.TryGetValue(name, out var type))
            {
                mask[type.Index] = true;
            }
        }

        return mask;
    }

    private void CompileFaults(NetworkParameters parameters)
    {
        foreach (var (fault, modes) in parameters.Faults ?? new Dictionary<string, IReadOnlyList<FaultModeDocument>>())
        {
            Faults[fault] = [.. modes.Select((m, i) => new FaultModeSpec(
                m.Mode ?? string.Empty, i, m.Mode == DispatchModeNames.Tow, TypeMask(m.Types), m.Part, m.ServiceMin ?? 0, m.PenaltyMin ?? 0))];
        }
    }

    private void CompileRegions(IReadOnlyList<RegionDocument> regions)
    {
        var compiled = new RegionSpec[regions.Count];
        for (var i = 0; i < regions.Count; i++)
        {
            var r = regions[i];
            if (!GeoJsonGeometry.TryParsePolygonal(r.Geometry, out var geometry, out var error))
            {
                throw new ArgumentException($"regions[{i}].geometry: {error}", nameof(regions));
            }

            compiled[i] = new RegionSpec(i, r.Code ?? string.Empty, r.Name ?? string.Empty, geometry!, r.Remote,
                r.CoverageStandardMin ?? 0, r.CoverageWeight ?? 0, r.Circuity ?? 1, r.SpeedFactor ?? 1);
        }

        Regions = compiled;
    }

    private void CompileRules(IReadOnlyList<RuleDocument> rules)
    {
        var compiled = new AccessRule[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            var r = rules[i];
            Geometry? zone = null;
            if (r.Zone is not null && !GeoJsonGeometry.TryParsePolygonal(r.Zone, out zone, out var error))
            {
                throw new ArgumentException($"rules[{i}].zone: {error}", nameof(rules));
            }

            var window = r.Window is null ? null : TimeWindow.Create(r.Window, TimeZone);
            compiled[i] = new AccessRule(i, r.Id ?? string.Empty, r.Kind == "partner_only", TypeMask(r.Types), zone, r.Scope == "expressway", window);
        }

        Rules = compiled;
    }

    private void CompileCenters(IReadOnlyList<CenterDocument> centers)
    {
        var compiledCenters = new List<CenterSpec>(centers.Count);
        var resources = new List<ResourceState>();
        foreach (var c in centers)
        {
            var location = c.Location ?? throw new ArgumentException($"center '{c.Id}' has no location", nameof(centers));
            var center = new CenterSpec(compiledCenters.Count, c.Id ?? string.Empty, c.Kind ?? "direct", location.Lat, location.Lon,
                c.ServiceRadiusKm ?? 0, RegionIndexOf(location.Lat, location.Lon));
            foreach (var (sku, level) in c.Stock ?? new Dictionary<string, StockLevel>())
            {
                center.Stock[sku] = new StockCell((int)(level.OnHand ?? 0), (int)(level.Reserved ?? 0));
            }

            compiledCenters.Add(center);
            CentersById[center.Id] = center;
            MaxServiceRadiusKm = Math.Max(MaxServiceRadiusKm, center.ServiceRadiusKm);
            foreach (var r in c.Resources ?? [])
            {
                if (!ResourceStatusNames.TryParse(r.Status ?? ResourceStatusNames.Available, out var status))
                {
                    throw new ArgumentException($"resource '{r.Id}' has an unknown status", nameof(centers));
                }

                var type = TypesByName[r.Type ?? string.Empty];
                var position = r.Position ?? location;
                var resource = new ResourceState(resources.Count, r.Id ?? string.Empty, type.Index, center.Index, status, position.Lat, position.Lon);
                resources.Add(resource);
                ResourcesById[resource.Id] = resource;
            }
        }

        Centers = [.. compiledCenters];
        Resources = [.. resources];
        var byId = Enumerable.Range(0, Resources.Length).OrderBy(i => Resources[i].Id, StringComparer.Ordinal).ToArray();
        OrdinalRank = new int[Resources.Length];
        for (var rank = 0; rank < byId.Length; rank++)
        {
            OrdinalRank[byId[rank]] = rank;
        }
    }

    private void CompileDemandPoints(IReadOnlyList<DemandPointDocument> points)
    {
        var compiled = new DemandPointSpec[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var location = p.Location ?? throw new ArgumentException($"demand point '{p.Id}' has no location", nameof(points));
            var region = RegionIndexOf(location.Lat, location.Lon);
            var staticRules = Rules.Where(r => r.IsStatic && r.ZoneCovers(location.Lat, location.Lon)).Select(r => r.Index).ToArray();
            var weight = p.Weight ?? 0;
            compiled[i] = new DemandPointSpec(i, p.Id ?? string.Empty, location.Lat, location.Lon, weight, region, staticRules)
            {
                WeightedDemand = region < 0 ? 0 : weight * Regions[region].CoverageWeight,
            };
            DemandPointsById[compiled[i].Id] = compiled[i];
        }

        DemandPoints = compiled;
    }
}
