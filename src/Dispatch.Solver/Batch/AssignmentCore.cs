using Google.OrTools.Graph;

namespace Dispatch.Solver.Batch;

/// <summary>An incident row for <see cref="AssignmentCore"/>: its (resource, cost) arcs and the cost of leaving it out.</summary>
internal sealed record AssignmentRow(IReadOnlyList<(int Resource, long Cost)> Arcs, long Penalty);

/// <summary>
/// Min-cost assignment of incidents to resources where any incident may stay out at its penalty, solved exactly
/// with OR-Tools' <see cref="LinearSumAssignment"/>.
/// </summary>
/// <remarks>
/// LinearSumAssignment needs a perfect matching, so the problem is made square: left nodes are the n incidents and
/// one "idle" node per resource used; right nodes are those m resources and one "unassigned" node per incident.
/// Incident i reaches its resources at their cost and its own unassigned node at its penalty; the idle node of
/// resource r reaches r and every unassigned node at cost 0. If k incidents take resources, the n - k others take
/// their own unassigned nodes, and the m idle nodes fill the m - k free resources and the k unassigned nodes left
/// over, all at cost 0: perfect matchings and partial assignments correspond one to one with equal cost.
/// </remarks>
internal static class AssignmentCore
{
    /// <summary>The chosen arc position per row (-1 for unassigned), or null if the solver reports a possible
    /// overflow of its internal cost scaling.</summary>
    public static int[]? Solve(IReadOnlyList<AssignmentRow> rows)
    {
        var columnOf = new Dictionary<int, int>();
        foreach (var (resource, _) in rows.SelectMany(row => row.Arcs))
        {
            columnOf.TryAdd(resource, columnOf.Count);
        }

        var n = rows.Count;
        var m = columnOf.Count;
        using var assignment = new LinearSumAssignment();
        var arcOwner = new List<(int Row, int Position)>();
        for (var i = 0; i < n; i++)
        {
            // Several arcs of a row may reach one resource (modes); only the cheapest can be in an optimum.
            var best = new Dictionary<int, int>();
            for (var a = 0; a < rows[i].Arcs.Count; a++)
            {
                var (resource, cost) = rows[i].Arcs[a];
                if (!best.TryGetValue(resource, out var current) || cost < rows[i].Arcs[current].Cost)
                {
                    best[resource] = a;
                }
            }

            foreach (var (resource, position) in best.OrderBy(pair => pair.Value))
            {
                assignment.AddArcWithCost(i, columnOf[resource], rows[i].Arcs[position].Cost);
                arcOwner.Add((i, position));
            }

            assignment.AddArcWithCost(i, m + i, rows[i].Penalty);
            arcOwner.Add((i, -1));
        }

        for (var r = 0; r < m; r++)
        {
            assignment.AddArcWithCost(n + r, r, 0);
            for (var i = 0; i < n; i++)
            {
                assignment.AddArcWithCost(n + r, m + i, 0);
            }
        }

        var status = assignment.Solve();
        if (status == LinearSumAssignment.Status.POSSIBLE_OVERFLOW)
        {
            return null;
        }

        if (status != LinearSumAssignment.Status.OPTIMAL)
        {
            throw new InvalidOperationException($"Linear sum assignment ended with status {status} on a problem that always has a perfect matching.");
        }

        var choice = new int[n];
        var arcIndex = 0;
        for (var i = 0; i < n; i++)
        {
            var mate = assignment.RightMate(i);
            choice[i] = -1;
            for (; arcIndex < arcOwner.Count && arcOwner[arcIndex].Row == i; arcIndex++)
            {
                var position = arcOwner[arcIndex].Position;
                if (position >= 0 && columnOf[rows[i].Arcs[position].Resource] == mate)
                {
                    choice[i] = position;
                }
            }
        }

        return choice;
    }
}
