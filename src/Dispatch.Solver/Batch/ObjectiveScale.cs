namespace Dispatch.Solver.Batch;

/// <summary>
/// The factor that turns the objective's double coefficients into the integers CP-SAT and the assignment solver
/// need: each coefficient (priorityWeight * cost, unassigned penalty, coverageLambda * demand weight) is multiplied
/// by <see cref="Factor"/> and rounded.
/// </summary>
/// <remarks>
/// Why scaling cannot change which assignment is optimal beyond a small tolerance: an assignment's objective is a sum
/// of at most T = (incidents + coverage entries of positive weight) coefficients, so its scaled objective, divided by
/// the factor, is within T / (2 * factor) of its exact objective. If A is optimal for the scaled model and B is any
/// assignment, exact(A) &lt;= scaled(A)/factor + T/(2 factor) &lt;= scaled(B)/factor + T/(2 factor) &lt;= exact(B) + T/factor.
/// So a proven scaled optimum is an exact optimum up to <see cref="Tolerance"/> = T / factor, and scaledBound/factor
/// - T/(2 factor) is a valid lower bound on every exact objective. The factor is 1e6 (a millionth of a minute),
/// lowered by powers of ten only when the largest possible scaled objective would pass 2^48: that keeps it exact in
/// doubles (CP-SAT's bound and LP), far from int64 overflow, and leaves room for the assignment solver's internal
/// cost scaling by the node count. Minutes given to four decimals, as in the tests, scale without any rounding.
/// </remarks>
internal readonly record struct ObjectiveScale(double Factor, int TermCount)
{
    private const double MaxFactor = 1e6;
    private const double MaxScaledObjective = 281_474_976_710_656d; // 2^48

    /// <summary>Exact optimum and the reported objective of a proven scaled optimum differ by at most this much.</summary>
    public double Tolerance => TermCount / Factor;

    /// <summary>The most by which an exact objective can lie below its scaled objective divided by the factor.</summary>
    public double HalfTolerance => TermCount / (2 * Factor);

    public long Scale(double value) => (long)Math.Round(value * Factor, MidpointRounding.AwayFromZero);

    public double Unscale(long value) => value / Factor;

    public double Unscale(double value) => value / Factor;

    public static ObjectiveScale For(BatchProblem problem)
    {
        double largestObjective = 0;
        var terms = problem.Incidents.Count;
        foreach (var incident in problem.Incidents)
        {
            var worst = incident.UnassignedPenalty;
            foreach (var option in incident.Options)
            {
                worst = Math.Max(worst, incident.PriorityWeight * option.Cost);
            }

            largestObjective += worst;
        }

        foreach (var demand in problem.Coverage)
        {
            var weight = problem.CoverageLambda * demand.Weight;
            if (weight > 0 && demand.CoveringResources.Count > 0)
            {
                largestObjective += weight;
                terms++;
            }
        }

        var factor = MaxFactor;
        while (factor > 1e-12 && largestObjective * factor > MaxScaledObjective)
        {
            factor /= 10;
        }

        if (largestObjective * factor > MaxScaledObjective)
        {
            throw new ArgumentException("The batch objective is too large to scale to integers.", nameof(problem));
        }

        return new ObjectiveScale(factor, terms);
    }
}
