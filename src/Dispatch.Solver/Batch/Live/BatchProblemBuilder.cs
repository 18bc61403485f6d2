using Dispatch.Solver.Coverage;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Network;

namespace Dispatch.Solver.Batch.Live;

/// <summary>Turns the options found over live state into the abstract <see cref="BatchProblem"/> the solver takes:
/// units and part lines by position, and only the coverage a batch can lose.</summary>
internal static class BatchProblemBuilder
{
    /// <summary>The batch problem over the found options. Coverage lists only the demand entries a batch can lose:
    /// those whose every current coverer carries some option (any other entry keeps a free coverer).</summary>
    public static BatchProblem Build(CompiledNetwork network, CoverageIndex coverage, BatchCandidates[] candidates, int batchSize)
    {
        var indexOf = new Dictionary<int, int>();
        var resourceOf = new List<int>();
        var parts = new Dictionary<PartKey, int>();
        var problemIncidents = new List<BatchIncident>(candidates.Length);
        foreach (var set in candidates)
        {
            var options = new List<BatchOption>(set.Options.Count);
            for (var o = 0; o < set.Options.Count; o++)
            {
                var (resource, part) = set.Slots[o];
                if (!indexOf.TryGetValue(resource, out var index))
                {
                    index = indexOf[resource] = resourceOf.Count;
                    resourceOf.Add(resource);
                }

                if (part is { } key && !parts.ContainsKey(key))
                {
                    parts[key] = network.CentersById[key.CenterId].Available(key.Sku);
                }

                options.Add(new BatchOption(index, BatchCandidates.CostOf(set.Options[o]), part, o));
            }

            problemIncidents.Add(new BatchIncident(set.Id, set.PriorityWeight, set.UnassignedPenalty, options));
        }

        var resources = resourceOf
            .Select(r => new BatchResource(network.Resources[r].Id, network.CoverageClasses[network.Types[network.Resources[r].TypeIndex].CoverageClass]))
            .ToList();
        return new BatchProblem(problemIncidents, resources, parts, LosableCoverage(network, coverage, resourceOf, indexOf, batchSize), network.CoverageLambda);
    }

    private static List<CoverageDemand> LosableCoverage(CompiledNetwork network, CoverageIndex coverage, List<int> resourceOf,
        Dictionary<int, int> indexOf, int batchSize)
    {
        var coverers = new Dictionary<(int Class, int Point), List<int>>();
        foreach (var r in resourceOf)
        {
            if (network.Resources[r].Status != ResourceStatus.Available)
            {
                continue;
            }

            var cls = network.Types[network.Resources[r].TypeIndex].CoverageClass;
            foreach (var d in coverage.CoversOf(r))
            {
                if (coverage.Count(cls, d) > batchSize || network.DemandPoints[d].WeightedDemand <= 0)
                {
                    continue;
                }

                if (!coverers.TryGetValue((cls, d), out var list))
                {
                    coverers[(cls, d)] = list = [];
                }

                list.Add(indexOf[r]);
            }
        }

        return coverers
            .Where(entry => entry.Value.Count == coverage.Count(entry.Key.Class, entry.Key.Point))
            .OrderBy(entry => entry.Key.Class)
            .ThenBy(entry => entry.Key.Point)
            .Select(entry => new CoverageDemand(
                network.CoverageClasses[entry.Key.Class],
                network.DemandPoints[entry.Key.Point].Id,
                network.DemandPoints[entry.Key.Point].WeightedDemand,
                entry.Value))
            .ToList();
    }
}
