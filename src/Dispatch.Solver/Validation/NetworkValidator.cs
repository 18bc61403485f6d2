using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Validation;

/// <summary>Whole-document validation of the network document (docs/dispatch-semantics.md "Validation").</summary>
/// <remarks>
/// Decisions where the contract leaves room (listed in its "Validation" section too):
/// <list type="bullet">
/// <item>Required: <c>parameters</c> with <c>timeZone</c>, <c>resourceTypes</c>, <c>faults</c>, the three scalar
/// penalties/lambda and the three priority tables (each with exactly p1, p2, p3); <c>regions</c>; <c>centers</c>.
/// Every listed number of a region, center, resource type, fault mode and demand point is required.</item>
/// <item>Absent means a default: <c>evTowTypes</c> (flatbed), a mode's <c>penaltyMin</c> (0), a stock line's
/// <c>reserved</c> (0), a center's <c>resources</c>/<c>stock</c> (none), <c>demandPoints</c>/<c>rules</c> (none),
/// a window's <c>days</c> (every day) and <c>tz</c> (<c>parameters.timeZone</c>). A fault with no modes is valid.</item>
/// <item>A fault mode needs at least one resource type, like a rule.</item>
/// <item>Ids and names are single-line text without control characters; ids at most 128 characters, resource
/// type and fault names at most 64, SKUs and part templates at most 128.</item>
/// <item>While some region's geometry is invalid, "inside some region" is not judged (it could be a false alarm).</item>
/// <item>Without <c>assignedResourceIds</c> a status of <c>assigned</c> is a plain error, not a conflict.</item>
/// </list>
/// </remarks>
public static class NetworkValidator
{
    /// <summary>Finds every problem in the document; an empty list means it is valid.</summary>
    /// <param name="document">The document as read from the request body.</param>
    /// <param name="assignedResourceIds">The resources open incidents hold, when validating a PUT against live
    /// state: each of them must be <c>assigned</c> and present, and no other resource may be. Null when there is
    /// no live state (a scenario's base document): then no resource may be <c>assigned</c>.</param>
    /// <param name="heldReservations">Units of each SKU that open incidents hold at each center; a center's
    /// <c>reserved</c> may not fall below them.</param>
    /// <returns>Errors in document order; those that clash with open incidents have
    /// <see cref="ValidationError.IsConflict"/> set.</returns>
    public static IReadOnlyList<ValidationError> Validate(
        NetworkDocument? document,
        IReadOnlySet<string>? assignedResourceIds = null,
        IReadOnlyDictionary<(string CenterId, string Sku), int>? heldReservations = null)
    {
        var errors = new ValidationErrorSink();
        if (document is null)
        {
            errors.Add("", "the network document is required");
            return errors.Errors;
        }

        var parameters = ParametersValidator.Validate(errors, document.Parameters);
        var types = new ResourceTypeReferences(parameters.ResourceTypes);
        var area = RegionsValidator.Validate(errors, document.Regions);

        var holds = new OpenIncidentHolds(assignedResourceIds, heldReservations);
        var centers = new CentersValidator(errors, types, area, holds);
        centers.Validate(document.Centers);

        DemandPointsValidator.Validate(errors, document.DemandPoints, area);
        RulesValidator.Validate(errors, document.Rules, types, parameters);
        holds.CheckNothingRemoved(errors, centers.CenterIds, centers.ResourceIds);
        return errors.Errors;
    }
}
