namespace Dispatch.Solver.Batch;

/// <summary>A candidate option in the integer model: which incident and option, its resource, its binding part
/// slot (-1 when its part cannot run out) and its scaled cost (priorityWeight * cost).</summary>
internal readonly record struct Candidate(int Incident, int Option, int Resource, int PartSlot, long Cost);

/// <summary>A demand entry that some set of choices can lose, with its scaled weight (lambda * weight).</summary>
internal sealed record CoverageTerm(int Entry, long Weight, int[] Resources);

/// <summary>
/// The integer model both solvers see: candidates kept after pruning, penalties, the part stocks that can still
/// bind and the coverage entries that can still be lost. Its optimum equals the full scaled problem's optimum.
/// </summary>
internal sealed class BatchModel
{
    public required ObjectiveScale Scale { get; init; }

    public required long[] Penalty { get; init; }

    public required Candidate[][] Candidates { get; init; }

    public required int[] PartCapacity { get; init; }

    public required CoverageTerm[] Coverage { get; init; }

    public required int ResourceCount { get; init; }

    public int IncidentCount => Penalty.Length;

    public int CandidateCount => Candidates.Sum(list => list.Length);

    /// <summary>No stock and no coverage can bind: a plain assignment problem.</summary>
    public bool IsPlainAssignment => PartCapacity.Length == 0 && Coverage.Length == 0;

    /// <summary>A lower bound that needs no search: each incident at its cheapest, coverage never lost.</summary>
    public long TrivialBound() =>
        Enumerable.Range(0, IncidentCount).Sum(i => Candidates[i].Select(c => c.Cost).Append(Penalty[i]).Min());

    /// <summary>The scaled objective of a choice (candidate position per incident, -1 for unassigned).</summary>
    public long ScaledObjective(int[] choice)
    {
        long total = 0;
        var used = new bool[ResourceCount];
        for (var i = 0; i < IncidentCount; i++)
        {
            if (choice[i] < 0)
            {
                total += Penalty[i];
                continue;
            }

            var candidate = Candidates[i][choice[i]];
            total += candidate.Cost;
            used[candidate.Resource] = true;
        }

        foreach (var term in Coverage)
        {
            if (term.Resources.All(r => used[r]))
            {
                total += term.Weight;
            }
        }

        return total;
    }
}
