namespace Dispatch.Solver.Placement;

/// <summary>What an exact run found: the sites (ascending), their cost, a proven lower bound, and how it went.</summary>
internal sealed record MedianOutcome(int[] Open, double Cost, double LowerBound, bool Optimal, string Method, MedianStats Stats);

/// <summary>How a p-median run went, for benchmarks and logs.</summary>
internal sealed record MedianStats(double HeuristicCost, double RootBound, int RootFixed, int Nodes, long Iterations);

/// <summary>
/// p-median to proven optimality by branch and bound on the Lagrangian bound of <see cref="MedianLagrangian"/>
/// (the scheme Beasley 1985 used on the OR-Library instances). Each node climbs its bound with subgradient steps
/// from its parent's multipliers, fixes the sites whose forcing would cost more than the incumbent, tries the
/// relaxation's choice of sites as a solution, and branches on a site when neither the bound nor the fixings settle
/// it. Once fixings have decided enough sites, the node continues as a smaller instance (<see cref="MedianSubproblem"/>),
/// so the bound steps deep in the tree only touch what is still open. Every bound is valid whenever the clock stops,
/// so a run cut short reports an honest gap.
/// </summary>
/// <remarks>
/// Why not the radius formulation (Elloumi 2010) in an OR-Tools MIP: it was built and measured first (levels added
/// where the LP solution's rounded cost fell short, reduced-cost fixing, SCIP with the incumbent as hint). This build's
/// SCIP solves its LPs with GLOP, which needed 20,000-40,000 degenerate simplex iterations per LP on these models
/// and cannot warm-start through the MPSolver interface (CBC and HiGHS were no better): pmed6 (n = 200, p = 5) took
/// 5-20 s and pmed16 (n = 400, p = 5) was not proven in 60 s, against 0.07 s and 0.2 s here. The Lagrangian bound is
/// the same LP bound, reached in a few hundred cheap steps.
/// </remarks>
internal sealed class MedianBranchAndBound
{
    private const int RootIterations = 5000;
    private const int NodeIterations = 400;
    private const double RootStep = 2.0;
    private const double NodeStep = 1.0;
    private const int Patience = 20;
    private const double MinStep = 1e-4;

    // A node continues as a sub-instance once fixings leave at most this share of the instance's sites free.
    private const double ShrinkShare = 0.6;

    private readonly MedianInstance instance;
    private readonly MedianLagrangian lagrangian;
    private readonly SolveClock clock;
    private readonly SearchCounters counters;
    private readonly double[] startMultipliers;
    private readonly sbyte[]? startStatus;

    // The sites a sub-instance's costs assume open: every solution offered here must keep them.
    private readonly bool[]? locked;
    private readonly int firstIterations;
    private readonly double firstStep;
    private int[]? improved;
    private double upper;

    private MedianBranchAndBound(
        MedianInstance instance, SolveClock clock, SearchCounters counters, double upper, double[] multipliers, int firstIterations, double firstStep, sbyte[]? status = null)
    {
        startStatus = status;
        locked = status?.Select(v => v == 1).ToArray();
        this.instance = instance;
        this.clock = clock;
        this.counters = counters;
        this.upper = upper;
        startMultipliers = multipliers;
        this.firstIterations = firstIterations;
        this.firstStep = firstStep;
        lagrangian = new MedianLagrangian(instance, new NearestSites(instance.Costs));
    }

    private double Cutoff => upper - instance.Improvement(upper);

    public static MedianOutcome Solve(MedianInstance instance, SolveClock clock)
    {
        var start = MedianLocalSearch.Run(instance, clock);
        var heuristic = instance.Cost(start);
        if (instance.P >= instance.Sites)
        {
            var all = Enumerable.Range(0, instance.Sites).ToArray();
            var cost = instance.Cost(all);
            return new MedianOutcome(all, cost, cost, true, "trivial", new MedianStats(cost, cost, instance.Sites, 0, 0));
        }

        var counters = new SearchCounters();
        var search = new MedianBranchAndBound(instance, clock, counters, heuristic, MedianLagrangian.Start(instance, start), RootIterations, RootStep);
        var result = search.Search();
        var open = result.Improved ?? start;
        var upper = instance.Cost(open);
        var lower = Math.Max(result.LowerBound, instance.TrivialBound());
        var optimal = upper - lower < instance.Improvement(upper);
        Array.Sort(open);
        var method = counters.Nodes == 0 ? "heuristic" : "lagrangian-bnb";
        return new MedianOutcome(open, upper, optimal ? upper : Math.Min(lower, upper), optimal, method,
            new MedianStats(heuristic, counters.RootBound, counters.RootFixed, counters.Nodes, counters.Iterations));
    }

    /// <summary>Searches for a solution cheaper than the upper bound it was given.</summary>
    private SearchResult Search()
    {
        var status = startStatus ?? Enumerable.Repeat((sbyte)-1, instance.Sites).ToArray();
        var openFixed = status.Count(s => s == 1);
        var root = new Node(status, openFixed, instance.Sites - openFixed, (double[])startMultipliers.Clone(), double.NegativeInfinity);
        var stack = new Stack<Node>();
        stack.Push(root);
        var first = true;
        var interrupted = double.PositiveInfinity;
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.Bound > Cutoff)
            {
                continue;
            }

            if (clock.Expired)
            {
                interrupted = node.Bound;
                break;
            }

            counters.Nodes++;
            var bound = first ? Climb(node, firstIterations, firstStep) : Climb(node, NodeIterations, NodeStep);
            if (first && counters.Nodes == 1)
            {
                counters.RootBound = bound;
                counters.RootFixed = node.Status.Count(s => s >= 0);
            }

            first = false;
            if (bound > Cutoff)
            {
                continue;
            }

            if (clock.Expired)
            {
                interrupted = Math.Max(node.Bound, bound);
                break;
            }

            if (node.Free + node.OpenFixed <= ShrinkShare * instance.Sites)
            {
                if (Descend(node, bound) is { } subBound)
                {
                    interrupted = subBound;
                    break;
                }

                continue;
            }

            // Depth first, the open child on top: it holds the relaxation's own choice, where better solutions are.
            var (site, closePenalty) = BranchSite(node);
            stack.Push(node.Child(site, 0, bound + closePenalty));
            stack.Push(node.Child(site, 1, bound));
        }

        var lower = Math.Min(interrupted, stack.Count == 0 ? double.PositiveInfinity : stack.Min(n => n.Bound));
        return new SearchResult(improved, Math.Min(upper, lower));
    }

    /// <summary>Solves the node as a sub-instance without its closed sites and settled clients. Returns null when it
    /// finished, else the node's bound as far as it got before the clock stopped.</summary>
    private double? Descend(Node node, double bound)
    {
        var sub = MedianSubproblem.Restrict(instance, node.Status);
        var multipliers = sub.Clients.Select(d => node.Multipliers[d]).ToArray();
        var search = new MedianBranchAndBound(sub.Instance, clock, counters, upper - sub.Offset, multipliers, NodeIterations, NodeStep, sub.Status);
        var result = search.Search();
        if (result.Improved is { } better)
        {
            Offer(sub.ToParent(better), improve: false);
        }

        var lower = result.LowerBound + sub.Offset;
        return lower > Cutoff || !clock.Expired ? null : Math.Max(bound, lower);
    }

    /// <summary>Subgradient ascent on the node's bound; fixes sites on the way. Returns the best bound, or +infinity
    /// when the node holds nothing better than the incumbent (or was settled as one solution); leaves the best
    /// multipliers in the node.</summary>
    private double Climb(Node node, int maxIterations, double step)
    {
        var multipliers = node.Multipliers;
        var best = double.NegativeInfinity;
        var bestMultipliers = (double[])multipliers.Clone();
        var stale = 0;
        for (var it = 0; it < maxIterations && step >= MinStep && !clock.Expired; it++)
        {
            counters.Iterations++;
            var bound = lagrangian.Evaluate(multipliers, node.Status, node.OpenFixed, node.Free);
            if (double.IsNaN(bound))
            {
                return double.PositiveInfinity;
            }

            if (bound > best + (1e-9 * Math.Abs(bound)))
            {
                best = bound;
                Array.Copy(multipliers, bestMultipliers, multipliers.Length);
                stale = 0;
            }
            else if (++stale >= Patience)
            {
                step /= 2;
                stale = 0;
            }

            if (it % 10 == 0)
            {
                TryChosen(improve: it % 50 == 0);
            }

            if (best > Cutoff)
            {
                return double.PositiveInfinity;
            }

            Fix(node, bound);
            if (node.OpenFixed == instance.P || node.OpenFixed + node.Free == instance.P)
            {
                // Every site is decided: the node is one solution.
                var open = Enumerable.Range(0, instance.Sites).Where(s => node.Status[s] == 1 || (node.Status[s] < 0 && node.OpenFixed < instance.P));
                Offer([.. open], improve: false);
                return double.PositiveInfinity;
            }

            var gradient = lagrangian.Gradient;
            var scale = instance.Weights;
            var norm = 0.0;
            for (var d = 0; d < gradient.Length; d++)
            {
                norm += scale[d] * gradient[d] * gradient[d];
            }

            if (norm == 0)
            {
                // Each client served exactly once by the chosen sites: the bound is their cost, the node's optimum.
                TryChosen(improve: false);
                return double.PositiveInfinity;
            }

            // Each multiplier moves by its client's weight times the subgradient, with the Polyak length
            // (upper - bound) / (g' W g): a subgradient method in a weighted metric, with the same convergence. With
            // all weights 1 (the OR-Library) it is the plain method; on a road network, where weights (population x
            // coverage weight) span orders of magnitude, a uniform step left the national 10-median 5 % short after
            // 30 s, and this one closes it at the root in 141 steps.
            var length = step * Math.Max(upper - bound, 1e-6 * Math.Max(1, Math.Abs(upper))) / norm;
            for (var d = 0; d < multipliers.Length; d++)
            {
                multipliers[d] = Math.Max(0, multipliers[d] + (length * scale[d] * gradient[d]));
            }
        }

        Array.Copy(bestMultipliers, multipliers, multipliers.Length);
        return best;
    }

    /// <summary>Forcing a free site open swaps it for the dearest chosen one; forcing a chosen site closed swaps in the
    /// cheapest unchosen one. When either costs the bound past the cutoff, the site's status is decided.</summary>
    private void Fix(Node node, double bound)
    {
        var rho = lagrangian.Rho;
        var free = lagrangian.FreeByRho;
        var need = lagrangian.Need;
        var cutoff = Cutoff;
        var last = need > 0 ? rho[free[need - 1]] : double.NaN;
        var next = need < free.Length ? rho[free[need]] : double.NaN;
        for (var i = 0; i < free.Length; i++)
        {
            var s = free[i];
            if (i >= need && need > 0 && bound + rho[s] - last > cutoff)
            {
                node.Status[s] = 0;
                node.Free--;
            }
            else if (i < need && need < free.Length && bound - rho[s] + next > cutoff)
            {
                node.Status[s] = 1;
                node.Free--;
                node.OpenFixed++;
            }
        }
    }

    /// <summary>The free chosen site whose closing raises the bound least (the one the relaxation is least sure
    /// of), with that raise. Measured against closing the surest site, or opening the nearest-to-chosen one, this
    /// gave the smallest trees on pmed22, pmed30 and n = 800..900 instances built like the OR-Library's.</summary>
    private (int Site, double ClosePenalty) BranchSite(Node node)
    {
        lagrangian.Evaluate(node.Multipliers, node.Status, node.OpenFixed, node.Free);
        var rho = lagrangian.Rho;
        var free = lagrangian.FreeByRho;
        var need = lagrangian.Need;
        var next = need < free.Length ? rho[free[need]] : 0;
        var site = free[0];
        var penalty = double.PositiveInfinity;
        for (var i = 0; i < need; i++)
        {
            var p = next - rho[free[i]];
            if (p < penalty)
            {
                penalty = p;
                site = free[i];
            }
        }

        return (site, Math.Max(0, penalty));
    }

    private void TryChosen(bool improve)
    {
        var chosen = lagrangian.Chosen;
        var open = new List<int>(instance.P);
        for (var s = 0; s < chosen.Length; s++)
        {
            if (chosen[s])
            {
                open.Add(s);
            }
        }

        Offer([.. open], improve);
    }

    private void Offer(int[] open, bool improve)
    {
        if (open.Length != instance.P || (locked is not null && open.Count(s => locked[s]) != locked.Count(l => l)))
        {
            return;
        }

        var cost = instance.Cost(open);
        if (improve && cost < upper * 1.02)
        {
            open = MedianLocalSearch.Improve(instance, open, clock, locked);
            cost = instance.Cost(open);
        }

        if (cost < upper - instance.Improvement(upper) / 2)
        {
            upper = cost;
            improved = open;
        }
    }

    private sealed record SearchResult(int[]? Improved, double LowerBound);

    /// <summary>Counts shared by a search and the sub-instance searches it spawns.</summary>
    private sealed class SearchCounters
    {
        public int Nodes { get; set; }

        public long Iterations { get; set; }

        public double RootBound { get; set; } = double.NegativeInfinity;

        public int RootFixed { get; set; }
    }

    private sealed class Node(sbyte[] status, int openFixed, int free, double[] multipliers, double bound)
    {
        /// <summary>Per site: -1 free, 0 closed, 1 open.</summary>
        public sbyte[] Status { get; } = status;

        public int OpenFixed { get; set; } = openFixed;

        public int Free { get; set; } = free;

        public double[] Multipliers { get; } = multipliers;

        /// <summary>A lower bound on every solution in the node, known before it is processed.</summary>
        public double Bound { get; } = bound;

        public Node Child(int site, sbyte value, double bound)
        {
            var status = (sbyte[])Status.Clone();
            status[site] = value;
            return new Node(status, OpenFixed + (value == 1 ? 1 : 0), Free - 1, (double[])Multipliers.Clone(), bound);
        }
    }
}
