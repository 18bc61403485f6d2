using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Validation;

/// <summary>Checks <c>centers</c> with their resources and stock.</summary>
internal sealed class CentersValidator(ValidationErrorSink errors, ResourceTypeReferences types, ServedArea area, OpenIncidentHolds holds)
{
    private const string Path = "centers";
    private const int MaxNameLength = 200;

    public IdRegistry CenterIds { get; } = new("center id");

    /// <summary>Resource ids are unique across all centers.</summary>
    public IdRegistry ResourceIds { get; } = new("resource id");

    public void Validate(IReadOnlyList<CenterDocument>? centers)
    {
        if (!errors.Require(Path, centers))
        {
            return;
        }

        for (var i = 0; i < centers!.Count; i++)
        {
            var path = JsonPathText.Index(Path, i);
            if (errors.Require(path, centers[i]))
            {
                CheckCenter(path, centers[i]);
            }
        }
    }

    private void CheckCenter(string path, CenterDocument center)
    {
        CenterIds.Register(errors, JsonPathText.Member(path, "id"), center.Id);
        errors.OptionalText(JsonPathText.Member(path, "name"), center.Name, MaxNameLength);
        errors.OptionalText(JsonPathText.Member(path, "phone"), center.Phone, IncidentValidator.MaxPhoneLength, allowBlank: false);

        var kindPath = JsonPathText.Member(path, "kind");
        if (errors.Require(kindPath, center.Kind) && center.Kind is not (DocumentVocabulary.CenterDirect or DocumentVocabulary.CenterPartner))
        {
            errors.Add(kindPath, $"must be '{DocumentVocabulary.CenterDirect}' or '{DocumentVocabulary.CenterPartner}' (was {ValidationErrorSink.Quote(center.Kind)})");
        }

        var locationPath = JsonPathText.Member(path, "location");
        if (errors.RequirePoint(locationPath, center.Location))
        {
            area.CheckInside(errors, locationPath, center.Location!);
        }

        errors.RequireNumber(JsonPathText.Member(path, "serviceRadiusKm"), center.ServiceRadiusKm, LowerBound.Positive);

        // Absent resources or stock mean none: a partner operator may list no units of its own.
        var resources = center.Resources ?? [];
        for (var j = 0; j < resources.Count; j++)
        {
            var resourcePath = JsonPathText.Index(JsonPathText.Member(path, "resources"), j);
            if (errors.Require(resourcePath, resources[j]))
            {
                CheckResource(resourcePath, resources[j]);
            }
        }

        StockValidator.Validate(errors, JsonPathText.Member(path, "stock"), center.Stock, center.Id, holds);
    }

    private void CheckResource(string path, ResourceDocument resource)
    {
        ResourceIds.Register(errors, JsonPathText.Member(path, "id"), resource.Id);
        types.CheckName(errors, JsonPathText.Member(path, "type"), resource.Type);
        CheckStatus(JsonPathText.Member(path, "status"), resource.Status, resource.Id);

        if (resource.Position is not null)
        {
            errors.CheckPoint(JsonPathText.Member(path, "position"), resource.Position);
        }
    }

    private void CheckStatus(string path, string? given, string? resourceId)
    {
        // An absent status means available, as the engine reads it.
        var status = given ?? ResourceStatusNames.Available;

        if (!ResourceStatusNames.TryParse(status, out var parsed))
        {
            errors.Add(path, $"must be '{ResourceStatusNames.Available}' or '{ResourceStatusNames.Offline}' (was {ValidationErrorSink.Quote(status)})");
            return;
        }

        if (!holds.TracksResources)
        {
            if (parsed == ResourceStatus.Assigned)
            {
                errors.Add(path, $"must be '{ResourceStatusNames.Available}' or '{ResourceStatusNames.Offline}'; 'assigned' is only for a resource that an open incident holds");
            }

            return;
        }

        if (resourceId is null)
        {
            return;
        }

        var held = holds.IsHeld(resourceId);
        if (held && parsed != ResourceStatus.Assigned)
        {
            errors.AddConflict(path, $"resource '{resourceId}' is held by an open incident and must stay 'assigned' (was '{status}')");
        }
        else if (!held && parsed == ResourceStatus.Assigned)
        {
            errors.AddConflict(path, $"resource '{resourceId}' is not held by any open incident, so it cannot be 'assigned'");
        }
    }
}
