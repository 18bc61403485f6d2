using System.Diagnostics;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Solver.Batch.Live;

/// <summary>The one-by-one baseline a batch is measured against: each incident in order takes its recommendation
/// (docs/dispatch-semantics.md "Score", coverage term included), which is held before the next one is asked, and
/// the whole is scored with the batch objective so that it compares with <see cref="LiveBatchSolver"/>. The live
/// state is put back as it was afterwards.</summary>
internal sealed class GreedyBatchBaseline
{
    private readonly LiveNetwork live;
    private readonly RecommendationSearch recommendations;

    public GreedyBatchBaseline(LiveNetwork live, RecommendationSearch recommendations)
    {
        this.live = live;
        this.recommendations = recommendations;
    }

    /// <summary>Runs the baseline over a batch whose incidents the caller has checked (ids present and distinct).</summary>
    public LiveBatchResult Run(IReadOnlyList<(string Id, Incident Incident)> incidents)
    {
        var network = live.Network;
        var started = Stopwatch.GetTimestamp();
        var held = new List<int>();
        var stockBefore = new Dictionary<(string Center, string Sku), (int OnHand, int Reserved)>();
        var assigned = new List<LiveBatchAssignment>();
        var unassigned = new List<LiveBatchUnassignedIncident>();
        double weightedCost = 0;
        double unassignedPenalty = 0;
        double lostWeight;
        try
        {
            foreach (var (id, incident) in incidents)
            {
                var weight = network.PriorityWeight.TryGetValue(incident.Priority, out var w) ? w : 1;
                var result = recommendations.Recommend(incident, new RecommendationQuery(1, 0));
                if (result.Recommendation is not { } option)
                {
                    var penalty = network.UnassignedPenaltyMin.TryGetValue(incident.Priority, out var p) ? p : 0;
                    var reason = result.Status == RecommendationStatus.OutsideServedArea ? LiveBatchResult.OutsideServedArea : BatchReasonCodes.NoEligibleUnit;
                    unassigned.Add(new LiveBatchUnassignedIncident(id, reason, penalty));
                    unassignedPenalty += penalty;
                    continue;
                }

                var b = option.Breakdown;
                var cost = b.EtaMin + b.ModePenaltyMin + b.CrossRegionPenaltyMin + b.PartnerPenaltyMin;
                assigned.Add(new LiveBatchAssignment(id, option, cost, weight, weight * cost));
                weightedCost += weight * cost;
                Hold(option, held, stockBefore);
            }

            lostWeight = LostWeightOfHeld(held);
        }
        finally
        {
            foreach (var resource in held)
            {
                live.SetResourceStatus(network.Resources[resource].Id, ResourceStatus.Available);
            }

            foreach (var ((center, sku), (onHand, reserved)) in stockBefore)
            {
                live.SetStock(center, sku, onHand, reserved);
            }
        }

        var breakdown = new BatchObjectiveBreakdown(weightedCost, lostWeight, network.CoverageLambda * lostWeight, unassignedPenalty);
        return new LiveBatchResult(assigned, unassigned, breakdown.Total, breakdown, Optimal: false, Gap: null, BestBound: null,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds, CandidateOptions: 0);
    }

    private void Hold(DispatchOption option, List<int> held, Dictionary<(string Center, string Sku), (int OnHand, int Reserved)> stockBefore)
    {
        held.Add(live.Network.ResourcesById[option.ResourceId].Index);
        live.SetResourceStatus(option.ResourceId, ResourceStatus.Assigned);
        if (option.Part is { } sku)
        {
            var (onHand, reserved) = live.StockOf(option.CenterId, sku);
            stockBefore.TryAdd((option.CenterId, sku), (onHand, reserved));
            live.SetStock(option.CenterId, sku, onHand, reserved + 1);
        }
    }

    /// <summary>With the held units no longer available: the weighted demand they covered that nothing covers now.
    /// Each was available before, so every such point was covered before the batch.</summary>
    private double LostWeightOfHeld(List<int> held)
    {
        var network = live.Network;
        var coverage = live.Coverage;
        var lost = new HashSet<(int Class, int Point)>();
        var sum = 0.0;
        foreach (var resource in held)
        {
            var cls = network.Types[network.Resources[resource].TypeIndex].CoverageClass;
            foreach (var d in coverage.CoversOf(resource))
            {
                if (coverage.Count(cls, d) == 0 && lost.Add((cls, d)))
                {
                    sum += network.DemandPoints[d].WeightedDemand;
                }
            }
        }

        return sum;
    }
}
