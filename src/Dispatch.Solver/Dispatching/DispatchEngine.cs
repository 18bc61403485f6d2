using Dispatch.Solver.Batch;
using Dispatch.Solver.Batch.Live;
using Dispatch.Solver.Coverage;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Network;
using Dispatch.Solver.Travel;

namespace Dispatch.Solver.Dispatching;

/// <summary>The live network in memory and the dispatch decisions over it: one incident at a time
/// (<see cref="Recommend"/>) or a surge batch (<see cref="SolveBatch"/>). Not thread-safe: its owner serializes calls.
/// </summary>
/// <remarks>A façade: checks arguments and hands each call to the collaborator whose one job it is. They share
/// one <see cref="LiveNetwork"/> (state and its changes) and one <see cref="UnitRings"/> (the ring walk):
/// <see cref="RecommendationSearch"/> answers a single incident, <see cref="BatchCandidateSearch"/> and
/// <see cref="LiveBatchSolver"/> a batch, <see cref="GreedyBatchBaseline"/> the one-by-one baseline, and
/// <see cref="UnitEvaluator"/> judges a unit against an incident for all of them.</remarks>
public sealed class DispatchEngine
{
    private readonly LiveNetwork live;
    private readonly UnitEvaluator evaluator;
    private readonly RecommendationSearch recommendations;
    private readonly LiveBatchSolver batches;
    private readonly GreedyBatchBaseline greedy;

    private DispatchEngine(CompiledNetwork network, ITravelModel travel)
    {
        live = new LiveNetwork(network, travel);
        var rings = new UnitRings(live);
        evaluator = new UnitEvaluator(live);
        recommendations = new RecommendationSearch(live, rings, evaluator);
        batches = new LiveBatchSolver(live, new BatchCandidateSearch(live, rings, evaluator), evaluator);
        greedy = new GreedyBatchBaseline(live, recommendations);
    }

    /// <summary>How many units the network has, whatever their status.</summary>
    public int ResourceCount => live.Network.Resources.Length;

    /// <summary>The compiled network the engine walks; the simulator reads the same arrays instead of a second model.</summary>
    internal CompiledNetwork Network => live.Network;

    internal CoverageIndex CoverageIndex => live.Coverage;

    /// <summary>Units the last recommendation looked at; tests use it to show that pruning prunes.</summary>
    internal int LastVisited => recommendations.LastVisited;

    internal int LastRings => recommendations.LastRings;

    /// <summary>Options the last batch handed to the solver; tests use it to show that the candidate search stops early.</summary>
    internal int LastBatchCandidateCount => batches.LastBatchCandidateCount;

    /// <summary>Compiles a network document that has passed <see cref="Validation.NetworkValidator"/>.</summary>
    public static DispatchEngine Create(NetworkDocument document, ITravelModel? travel = null) =>
        new(CompiledNetwork.Compile(document), travel ?? HaversineTravelModel.Instance);

    /// <summary>The code of the first region (document order) containing the point, or null outside the served area.</summary>
    public string? RegionOf(GeoPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var index = live.Network.RegionIndexOf(point.Lat, point.Lon);
        return index < 0 ? null : live.Network.Regions[index].Code;
    }

    /// <summary>Whether the network has a unit with this id.</summary>
    public bool HasResource(string resourceId) => live.Network.ResourcesById.ContainsKey(resourceId);

    /// <summary>Whether the network has a service center with this id.</summary>
    public bool HasCenter(string centerId) => live.Network.CentersById.ContainsKey(centerId);

    /// <summary>The unit's live status; throws for an unknown unit.</summary>
    public ResourceStatus StatusOf(string resourceId) => live.Resource(resourceId).Status;

    /// <summary>The id of the center the unit belongs to (and returns to after a job).</summary>
    public string CenterOf(string resourceId) => live.Network.Centers[live.Resource(resourceId).CenterIndex].Id;

    /// <summary>Where the unit stands now: its center, unless it was moved.</summary>
    public GeoPoint PositionOf(string resourceId)
    {
        var u = live.Resource(resourceId);
        return new GeoPoint(u.Lat, u.Lon);
    }

    /// <summary>Sets the unit's status; the coverage index follows when it starts or stops being available.</summary>
    public void SetResourceStatus(string resourceId, ResourceStatus status) => live.SetResourceStatus(resourceId, status);

    /// <summary>Moves the unit; the position index, the coverage index and the deviation bound follow.</summary>
    public void MoveResource(string resourceId, GeoPoint position) => live.MoveResource(resourceId, position);

    /// <summary>Sets a center's stock of a SKU; reserved never exceeds on hand.</summary>
    public void SetStock(string centerId, string sku, int onHand, int reserved) => live.SetStock(centerId, sku, onHand, reserved);

    /// <summary>(onHand, reserved) of a SKU at a center; (0, 0) when the center does not stock it.</summary>
    public (int OnHand, int Reserved) StockOf(string centerId, string sku) => live.StockOf(centerId, sku);

    /// <summary>Demand weight (times region weight) that only this resource covers; 0 when it is not available.</summary>
    public double CoverageLoss(string resourceId) => live.Coverage.Loss(live.Resource(resourceId).Index);

    /// <summary>How many available units cover the demand point within its class's standard; throws for an unknown class or point.</summary>
    public int CoverCount(string coverageClass, string demandPointId) => live.CoverCount(coverageClass, demandPointId);

    /// <summary>The document with live status, position and stock.</summary>
    public NetworkDocument ToDocument() => live.ToDocument();

    /// <summary>From now on, remember which units and stock cells change (off by default), for <see cref="TakeChanges"/>.</summary>
    public void TrackChanges() => live.TrackChanges();

    /// <summary>The current values of the units and stock cells changed since the last call (none when not tracking).</summary>
    public LiveChanges TakeChanges() => live.TakeChanges();

    /// <summary>Ranks the options for an incident (docs/dispatch-semantics.md "Eligibility", "Score"); how the search
    /// stops early: <see cref="RecommendationSearch"/>.</summary>
    public RecommendationResult Recommend(Incident incident, RecommendationQuery query)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (query.Options is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(query), "at least one option must be asked for");
        }

        if (query.Excluded is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), "the excluded count cannot be negative");
        }

        return recommendations.Recommend(incident, query);
    }

    /// <summary>Assigns open incidents jointly over live state (docs/dispatch-semantics.md "Batch (surge)"). Reads
    /// state only. Why its "optimal" holds for every eligible option although the search stops early:
    /// <see cref="BatchCandidateSearch"/>.</summary>
    public LiveBatchResult SolveBatch(IReadOnlyList<(string Id, Incident Incident)> incidents, BatchSolverSettings settings)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(settings);
        ThrowIfInvalidBatch(incidents);
        return batches.Solve(incidents, settings);
    }

    /// <summary>The one-by-one baseline (<see cref="GreedyBatchBaseline"/>), scored with the batch objective so that
    /// it compares with <see cref="SolveBatch"/>. The engine's state is put back as it was afterwards.</summary>
    public LiveBatchResult GreedyBatch(IReadOnlyList<(string Id, Incident Incident)> incidents)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ThrowIfInvalidBatch(incidents);
        return greedy.Run(incidents);
    }

    /// <summary>True when one of <paramref name="units"/> passes every eligibility check for the incident, by the
    /// same checks a recommendation makes.</summary>
    internal bool AnyEligible(Incident incident, int regionIndex, IReadOnlyList<ResourceState> units) =>
        evaluator.AnyEligible(incident, regionIndex, units);

    private static void ThrowIfInvalidBatch(IReadOnlyList<(string Id, Incident Incident)> incidents)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < incidents.Count; i++)
        {
            var (id, incident) = incidents[i];
            if (id is null || incident is null)
            {
                throw new ArgumentException($"incident {i} needs an id and an incident", nameof(incidents));
            }

            if (!ids.Add(id))
            {
                throw new ArgumentException($"incident id '{id}' appears twice in the batch", nameof(incidents));
            }
        }
    }
}
