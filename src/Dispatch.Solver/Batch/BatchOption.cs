namespace Dispatch.Solver.Batch;

/// <summary>
/// One way to serve an incident in a batch: a resource (by its index in <see cref="BatchProblem.Resources"/>),
/// the option's score without the coverage term (minutes), the part it consumes if any, and an opaque
/// <paramref name="Payload"/> the caller uses to map the choice back to its own option (resource + mode).
/// </summary>
public sealed record BatchOption(int ResourceIndex, double Cost, PartKey? Part, int Payload);
