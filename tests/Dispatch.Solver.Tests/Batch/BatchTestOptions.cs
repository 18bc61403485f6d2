using Dispatch.Solver.Batch;

namespace Dispatch.Solver.Tests.Batch;

/// <summary>Options for tests that expect the optimum.</summary>
/// <remarks>Every test instance is proven optimal in well under a second; 30 s leaves room for a slow, shared machine,
/// and the tests assert <see cref="BatchSolution.Optimal"/>, so a regression fails within that instead of hanging
/// the run for minutes.</remarks>
internal static class BatchTestOptions
{
    public static BatchSolverSettings Unhurried { get; } = new() { TimeLimit = TimeSpan.FromSeconds(30) };
}
