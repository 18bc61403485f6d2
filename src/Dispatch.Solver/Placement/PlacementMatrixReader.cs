using Dispatch.Solver.Validation;

namespace Dispatch.Solver.Placement;

/// <summary>Reads a request's <c>travelMatrix</c>: its site and demand ids must name known candidates and demand points
/// (once each), and <c>minutes</c> must be one row per site of one finite, non-negative time per demand point. The
/// matrix's sites and demand, in its order, become the problem's.</summary>
internal static class PlacementMatrixReader
{
    private const string Path = "travelMatrix";
    private const int MaxErrors = 20;

    public static (List<PlacementSitePoint> Sites, List<PlacementDemandPointSpec> Demand, double[][]? Minutes) Read(
        ValidationErrorSink errors, PlacementTravelMatrix matrix, List<PlacementSitePoint> candidates, List<PlacementDemandPointSpec> demand)
    {
        var sites = Select(errors, JsonPathText.Member(Path, "sites"), matrix.Sites, candidates, s => s.Id, "candidate");
        var points = Select(errors, JsonPathText.Member(Path, "demand"), matrix.Demand, demand, d => d.Id, "demand point");
        var minutesPath = JsonPathText.Member(Path, "minutes");
        if (!errors.Require(minutesPath, matrix.Minutes) || sites is null || points is null)
        {
            return (candidates, demand, null);
        }

        var rows = matrix.Minutes!;
        if (rows.Count != sites.Count)
        {
            errors.Add(minutesPath, $"must have one row per site in travelMatrix.sites ({sites.Count}, was {rows.Count})");
            return (candidates, demand, null);
        }

        var result = new double[rows.Count][];
        var bad = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var rowPath = JsonPathText.Index(minutesPath, i);
            var row = rows[i];
            if (row is null || row.Count != points.Count)
            {
                if (++bad <= MaxErrors)
                {
                    errors.Add(rowPath, $"must have one time per point in travelMatrix.demand ({points.Count}, was {(row is null ? "missing" : row.Count)})");
                }

                continue;
            }

            result[i] = new double[row.Count];
            for (var j = 0; j < row.Count; j++)
            {
                var t = row[j];
                if (!double.IsFinite(t) || t < 0 || t > ValidationErrorSink.MaxMagnitude)
                {
                    if (++bad <= MaxErrors)
                    {
                        errors.CheckNumber(JsonPathText.Index(rowPath, j), t, LowerBound.NonNegative);
                    }

                    continue;
                }

                result[i][j] = t;
            }
        }

        if (bad > MaxErrors)
        {
            errors.Add(minutesPath, $"{bad - MaxErrors} more rows or times are invalid");
        }

        return (sites, points, result);
    }

    private static List<T>? Select<T>(ValidationErrorSink errors, string path, IReadOnlyList<string>? ids, List<T> known, Func<T, string> idOf, string kind)
    {
        if (!errors.Require(path, ids))
        {
            return null;
        }

        if (ids!.Count == 0)
        {
            errors.Add(path, $"must name at least one {kind}");
            return null;
        }

        var byId = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in known)
        {
            byId[idOf(item)] = item;
        }

        var registry = new IdRegistry(kind + " id");
        var selected = new List<T>(ids.Count);
        var ok = true;
        for (var i = 0; i < ids.Count; i++)
        {
            var itemPath = JsonPathText.Index(path, i);
            if (!registry.Register(errors, itemPath, ids[i]))
            {
                ok = false;
            }
            else if (!byId.TryGetValue(ids[i], out var item))
            {
                errors.Add(itemPath, $"unknown {kind} {ValidationErrorSink.Quote(ids[i])}");
                ok = false;
            }
            else
            {
                selected.Add(item);
            }
        }

        return ok ? selected : null;
    }
}
