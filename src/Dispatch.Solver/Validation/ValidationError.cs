namespace Dispatch.Solver.Validation;

/// <summary>One problem found in a request body, at a JSON path such as <c>centers[3].resources[0].type</c>.</summary>
/// <param name="Path">Where the problem is, in camelCase member names and [index] steps.</param>
/// <param name="Message">What is wrong, for a person to read.</param>
/// <param name="IsConflict">True when the body is well-formed but clashes with live state (open incidents);
/// the HTTP layer answers those with 409 instead of 400.</param>
public sealed record ValidationError(string Path, string Message, bool IsConflict = false);
