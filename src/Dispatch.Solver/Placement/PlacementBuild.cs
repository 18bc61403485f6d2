using Dispatch.Solver.Validation;

namespace Dispatch.Solver.Placement;

/// <summary>What <see cref="PlacementProblemBuilder"/> made of a request: the problem, or every error with its path
/// (the HTTP layer answers those with a 400 problem-details body).</summary>
public sealed record PlacementBuild(PlacementProblem? Problem, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>True when a problem was built; <see cref="Errors"/> is then empty.</summary>
    public bool IsValid => Problem is not null;

    internal static PlacementBuild Invalid(IReadOnlyList<ValidationError> errors) => new(null, errors);
}
