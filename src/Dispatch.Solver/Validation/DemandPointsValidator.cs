using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Validation;

/// <summary>Checks <c>demandPoints</c>: ids, locations inside the served area, weights.</summary>
internal static class DemandPointsValidator
{
    private const string Path = "demandPoints";

    public static void Validate(ValidationErrorSink errors, IReadOnlyList<DemandPointDocument>? points, ServedArea area)
    {
        var ids = new IdRegistry("demand point id");
        var list = points ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var path = JsonPathText.Index(Path, i);
            var point = list[i];
            if (!errors.Require(path, point))
            {
                continue;
            }

            ids.Register(errors, JsonPathText.Member(path, "id"), point!.Id);
            var locationPath = JsonPathText.Member(path, "location");
            if (errors.RequirePoint(locationPath, point.Location))
            {
                area.CheckInside(errors, locationPath, point.Location!);
            }

            errors.RequireNumber(JsonPathText.Member(path, "weight"), point.Weight, LowerBound.NonNegative);
        }
    }
}
