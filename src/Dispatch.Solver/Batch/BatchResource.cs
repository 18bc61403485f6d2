namespace Dispatch.Solver.Batch;

/// <summary>A resource that some option of the batch may use; <see cref="BatchOption.ResourceIndex"/> is its position.</summary>
public sealed record BatchResource(string Id, string CoverageClass);
