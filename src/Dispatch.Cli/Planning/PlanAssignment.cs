using Dispatch.Solver.Placement;

namespace Dispatch.Cli.Planning;

/// <summary>One demand point of a plan and the chosen site that serves it.</summary>
/// <param name="SiteId">The nearest chosen site by the problem's travel times (the first in the answer's order on a
/// tie); null for p-median with <c>existing</c> when today's units are nearer.</param>
/// <param name="TimeMin">Travel time from <paramref name="SiteId"/> (or from today's nearest unit when it is null).</param>
/// <param name="Covered">mclp: within its standard of <paramref name="SiteId"/>, or already covered by today's units;
/// null for p-median.</param>
/// <param name="AlreadyServed">Today's units already cover it (mclp) or are nearer than any chosen site (p-median).</param>
public sealed record DemandAssignment(string DemandId, double Weight, string? SiteId, double TimeMin, bool? Covered, bool AlreadyServed)
{
    /// <summary>mclp: covered thanks to <see cref="SiteId"/>, not already by today's units.</summary>
    public bool NewlyCovered => Covered == true && !AlreadyServed;
}

/// <summary>What one chosen site serves: its demand points and their weight; mclp: the weight it newly covers;
/// p-median: the weighted travel time to it.</summary>
public sealed record SiteService(string SiteId, int DemandPoints, double Weight, double? NewlyCoveredWeight, double WeightedTime);

/// <summary>Links each demand point to its nearest chosen site, by the problem's own times.</summary>
public static class PlanAssignment
{
    /// <returns>Null when the answer names a site that is not a candidate of <paramref name="problem"/>.</returns>
    public static IReadOnlyList<DemandAssignment>? Assign(PlacementProblem problem, IReadOnlyList<string> siteIds)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(siteIds);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < problem.CandidateIds.Count; s++)
        {
            index.TryAdd(problem.CandidateIds[s], s);
        }

        var chosen = new List<int>(siteIds.Count);
        foreach (var id in siteIds)
        {
            if (!index.TryGetValue(id, out var s))
            {
                return null;
            }

            chosen.Add(s);
        }

        if (chosen.Count == 0)
        {
            return null;
        }

        var mclp = problem.Model == PlacementModel.Mclp;
        var result = new DemandAssignment[problem.DemandIds.Count];
        for (var d = 0; d < result.Length; d++)
        {
            var best = chosen[0];
            for (var i = 1; i < chosen.Count; i++)
            {
                if (problem.Times[chosen[i]][d] < problem.Times[best][d])
                {
                    best = chosen[i];
                }
            }

            var time = problem.Times[best][d];
            var weight = problem.Weights[d];
            if (mclp)
            {
                var already = problem.PreCovered?[d] == true;
                var within = problem.Standards is { } standards && time <= standards[d];
                result[d] = new DemandAssignment(problem.DemandIds[d], weight, problem.CandidateIds[best], time, already || within, already);
            }
            else if (problem.ExistingTimes?[d] is { } existing && existing < time)
            {
                result[d] = new DemandAssignment(problem.DemandIds[d], weight, null, existing, null, AlreadyServed: true);
            }
            else
            {
                result[d] = new DemandAssignment(problem.DemandIds[d], weight, problem.CandidateIds[best], time, null, AlreadyServed: false);
            }
        }

        return result;
    }

    /// <summary>Per chosen site, in the answer's order, what it serves.</summary>
    public static IReadOnlyList<SiteService> Services(PlacementModel model, IReadOnlyList<string> siteIds, IReadOnlyList<DemandAssignment> assignments)
    {
        ArgumentNullException.ThrowIfNull(siteIds);
        ArgumentNullException.ThrowIfNull(assignments);
        var bySite = assignments.Where(a => a.SiteId is not null).ToLookup(a => a.SiteId!, StringComparer.Ordinal);
        return siteIds.Select(id =>
        {
            var served = bySite[id].ToList();
            return new SiteService(
                id,
                served.Count,
                served.Sum(a => a.Weight),
                model == PlacementModel.Mclp ? served.Where(a => a.NewlyCovered).Sum(a => a.Weight) : null,
                served.Sum(a => a.Weight * a.TimeMin));
        }).ToList();
    }
}
