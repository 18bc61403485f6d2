namespace Dispatch.Solver.Validation;

/// <summary>What the rest of the document needs to know about <c>parameters</c> once it has been checked.</summary>
/// <param name="ResourceTypes">Declared resource type names; null when <c>resourceTypes</c> is missing.</param>
/// <param name="TimeZoneKnown">Whether <c>parameters.timeZone</c> names a known zone (rule windows default to it).</param>
internal sealed record ParameterFacts(IReadOnlySet<string>? ResourceTypes, bool TimeZoneKnown);
