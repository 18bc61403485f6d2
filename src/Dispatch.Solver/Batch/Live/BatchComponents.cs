namespace Dispatch.Solver.Batch.Live;

/// <summary>A part of a batch that shares no unit, no part line and no losable demand point with the rest, with the
/// positions of its incidents in the whole batch.</summary>
internal sealed record BatchComponent(BatchProblem Problem, int[] IncidentIndex)
{
    public int OptionCount => Problem.Incidents.Sum(incident => incident.Options.Count);
}

/// <summary>
/// Splits a batch into independent parts. The objective of docs/dispatch-semantics.md "Batch (surge)" is a sum of terms
/// that each depend on one incident's choice, on the units some choices take (a demand point is lost only when all its
/// coverers are taken) or on the part lines they use; incidents that share none of these can be decided apart, and the
/// optimum of the whole is the sum of the parts' optima. Solving the parts apart keeps each model small (a national
/// surge is many local ones) and lets the ones that need no stock or coverage reasoning take the exact assignment path.
/// </summary>
internal static class BatchComponents
{
    public static List<BatchComponent> Split(BatchProblem problem)
    {
        var incidents = problem.Incidents.Count;
        var resources = problem.Resources.Count;
        var parts = new Dictionary<PartKey, int>();
        var sets = new DisjointSets(incidents + resources + problem.PartsAvailable.Count + problem.Incidents.Sum(i => i.Options.Count));
        for (var i = 0; i < incidents; i++)
        {
            foreach (var option in problem.Incidents[i].Options)
            {
                sets.Union(i, incidents + option.ResourceIndex);
                if (option.Part is { } key)
                {
                    if (!parts.TryGetValue(key, out var node))
                    {
                        parts[key] = node = incidents + resources + parts.Count;
                    }

                    sets.Union(i, node);
                }
            }
        }

        foreach (var demand in problem.Coverage)
        {
            foreach (var r in demand.CoveringResources.Skip(1))
            {
                sets.Union(incidents + demand.CoveringResources[0], incidents + r);
            }
        }

        var byRoot = new Dictionary<int, List<int>>();
        for (var i = 0; i < incidents; i++)
        {
            var root = sets.Find(i);
            if (!byRoot.TryGetValue(root, out var members))
            {
                byRoot[root] = members = [];
            }

            members.Add(i);
        }

        var coverageByRoot = problem.Coverage
            .Where(demand => demand.CoveringResources.Count > 0)
            .ToLookup(demand => sets.Find(incidents + demand.CoveringResources[0]));
        return [.. byRoot.Select(pair => Component(problem, pair.Value, coverageByRoot[pair.Key]))];
    }

    private static BatchComponent Component(BatchProblem problem, List<int> members, IEnumerable<CoverageDemand> coverage)
    {
        var localOf = new Dictionary<int, int>();
        var resources = new List<BatchResource>();
        int Local(int resource)
        {
            if (!localOf.TryGetValue(resource, out var local))
            {
                local = localOf[resource] = resources.Count;
                resources.Add(problem.Resources[resource]);
            }

            return local;
        }

        var parts = new Dictionary<PartKey, int>();
        var incidents = new List<BatchIncident>(members.Count);
        foreach (var i in members)
        {
            var incident = problem.Incidents[i];
            var options = incident.Options.Select(option =>
            {
                if (option.Part is { } key)
                {
                    parts[key] = problem.Available(key);
                }

                return option with { ResourceIndex = Local(option.ResourceIndex) };
            }).ToList();
            incidents.Add(incident with { Options = options });
        }

        // A losable entry's coverers all carry options (the engine lists no other), so they are all in this part.
        var demands = coverage.Select(demand => demand with { CoveringResources = [.. demand.CoveringResources.Select(Local)] }).ToList();
        return new BatchComponent(new BatchProblem(incidents, resources, parts, demands, problem.CoverageLambda), [.. members]);
    }

    private sealed class DisjointSets(int count)
    {
        private readonly int[] parent = [.. Enumerable.Range(0, count)];

        public int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        public void Union(int a, int b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb)
            {
                parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }
    }
}
