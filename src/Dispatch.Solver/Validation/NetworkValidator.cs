using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Validation;

/// <summary>Whole-document validation of the network document (DESIGN §3 "Validation").</summary>
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
