namespace Dispatch.Solver.Batch;

/// <summary>
/// How to solve a batch: the solver's time limit, workers, seed and shortcuts. With one worker and a fixed seed CP-SAT is deterministic as long as the time limit is
/// not reached; a run cut by the limit depends on the machine's speed and says so with <c>Optimal == false</c>.
/// </summary>
public sealed record BatchSolverSettings
{
    /// <summary>Ten seconds, one worker, seed 0, both shortcuts on: deterministic unless the limit is hit.</summary>
    public static BatchSolverSettings Default { get; } = new();

    /// <summary>Wall-clock budget of CP-SAT; a run cut by it reports <c>Optimal == false</c>.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>CP-SAT search workers; more than one trades determinism for speed.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>CP-SAT random seed, fixed so reruns give the same plan.</summary>
    public int Seed { get; init; }

    /// <summary>Drop options that provably cannot change the optimum (see <see cref="CandidatePruner"/>).</summary>
    public bool Prune { get; init; } = true;

    /// <summary>Solve with a linear sum assignment when no part stock and no coverage can bind.</summary>
    public bool UseAssignmentFastPath { get; init; } = true;
}
