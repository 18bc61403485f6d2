using Dispatch.Solver.Documents;
using Dispatch.Solver.Geography;

namespace Dispatch.Solver.Validation;

/// <summary>Checks <c>regions</c>: codes, polygons and the travel and coverage figures.</summary>
internal static class RegionsValidator
{
    private const string Path = "regions";
    private const int MaxNameLength = 200;

    public static ServedArea Validate(ValidationErrorSink errors, IReadOnlyList<RegionDocument>? regions)
    {
        var area = new ServedArea();
        if (!errors.Require(Path, regions))
        {
            area.MarkIncomplete();
            return area;
        }

        var codes = new IdRegistry("region code");
        for (var i = 0; i < regions!.Count; i++)
        {
            var path = JsonPathText.Index(Path, i);
            var region = regions[i];
            if (!errors.Require(path, region))
            {
                area.MarkIncomplete();
                continue;
            }

            codes.Register(errors, JsonPathText.Member(path, "code"), region!.Code);
            errors.OptionalText(JsonPathText.Member(path, "name"), region.Name, MaxNameLength);

            var geometryPath = JsonPathText.Member(path, "geometry");
            if (GeoJsonGeometry.TryParsePolygonal(region.Geometry, out var geometry, out var geometryError))
            {
                area.Add(geometry!);
            }
            else
            {
                errors.Add(geometryPath, geometryError!);
                area.MarkIncomplete();
            }

            errors.RequireNumber(JsonPathText.Member(path, "coverageStandardMin"), region.CoverageStandardMin, LowerBound.Positive);
            errors.RequireNumber(JsonPathText.Member(path, "coverageWeight"), region.CoverageWeight, LowerBound.NonNegative);
            errors.RequireNumber(JsonPathText.Member(path, "circuity"), region.Circuity, LowerBound.AtLeastOne);
            errors.RequireNumber(JsonPathText.Member(path, "speedFactor"), region.SpeedFactor, LowerBound.Positive);
        }

        return area;
    }
}
