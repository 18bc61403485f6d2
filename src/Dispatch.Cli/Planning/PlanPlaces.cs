using Dispatch.Solver.Documents;
using Dispatch.Solver.Placement;

namespace Dispatch.Cli.Planning;

/// <summary>Where the candidate sites and demand points of a plan are, by id, and which sites are centers.</summary>
public sealed class PlanPlaces
{
    private readonly Dictionary<string, GeoPoint> _sites;
    private readonly Dictionary<string, GeoPoint> _demand;
    private readonly Dictionary<string, CenterDocument> _centers;

    private PlanPlaces(Dictionary<string, GeoPoint> sites, Dictionary<string, GeoPoint> demand, Dictionary<string, CenterDocument> centers, bool candidatesAreCenters)
    {
        _sites = sites;
        _demand = demand;
        _centers = centers;
        CandidatesAreCenters = candidatesAreCenters;
    }

    /// <summary>The candidates were the network's centers (not a supplied list).</summary>
    public bool CandidatesAreCenters { get; }

    public static PlanPlaces Empty { get; } = new([], [], [], candidatesAreCenters: false);

    public static PlanPlaces From(NetworkDocument? network, PlacementRequest? request)
    {
        if (request is null)
        {
            return Empty;
        }

        var centers = new Dictionary<string, CenterDocument>(StringComparer.Ordinal);
        foreach (var center in network?.Centers ?? [])
        {
            if (center?.Id is { } id)
            {
                centers.TryAdd(id, center);
            }
        }

        var candidatesAreCenters = request.Candidates?.Sites is null;
        var sites = new Dictionary<string, GeoPoint>(StringComparer.Ordinal);
        if (candidatesAreCenters)
        {
            foreach (var (id, center) in centers)
            {
                if (center.Location is { } location)
                {
                    sites[id] = location;
                }
            }
        }
        else
        {
            foreach (var site in request.Candidates!.Sites!)
            {
                if (site?.Id is { } id && site.Location is { } location)
                {
                    sites.TryAdd(id, location);
                }
            }
        }

        var demand = new Dictionary<string, GeoPoint>(StringComparer.Ordinal);
        IEnumerable<(string? Id, GeoPoint? Location)> points = request.Demand is { } supplied
            ? supplied.Select(p => (p?.Id, p?.Location))
            : (network?.DemandPoints ?? []).Select(p => (p?.Id, p?.Location));
        foreach (var (id, location) in points)
        {
            if (id is not null && location is not null)
            {
                demand.TryAdd(id, location);
            }
        }

        return new PlanPlaces(sites, demand, centers, candidatesAreCenters);
    }

    public GeoPoint? Site(string id) => _sites.GetValueOrDefault(id);

    public GeoPoint? Demand(string id) => _demand.GetValueOrDefault(id);

    /// <summary>The center a chosen site is, when the candidates were the centers.</summary>
    public CenterDocument? CenterOf(string siteId) => CandidatesAreCenters ? _centers.GetValueOrDefault(siteId) : null;

    /// <summary>Every center with a location, for the nearest one to a supplied site.</summary>
    public IEnumerable<CenterDocument> Centers => _centers.Values.Where(c => c.Location is not null);

    public bool HasAnySite => _sites.Count > 0;
}
