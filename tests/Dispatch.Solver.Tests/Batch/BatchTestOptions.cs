using Dispatch.Solver.Batch;

namespace Dispatch.Solver.Tests.Batch;

/// <summary>Options whose time limit no test instance comes near, so that results never depend on machine speed.</summary>
internal static class BatchTestOptions
{
    public static BatchSolverSettings Unhurried { get; } = new() { TimeLimit = TimeSpan.FromMinutes(10) };
}
