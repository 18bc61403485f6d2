using System.Globalization;
using Dispatch.Solver.Simulation;
using Dispatch.Solver.Tests.Simulation.Reference;

namespace Dispatch.Solver.Tests.Simulation.Properties;

/// <summary>Lists every KPI where the fast simulator's answer differs from the reference's, one line each.</summary>
internal static class KpiComparer
{
    /// <summary>Relative tolerance; below 1 it is an absolute one, since shares of 0 come out as 0 or 1e-17.</summary>
    public const double Tolerance = 1e-9;

    public static List<string> Differences(ReferenceSimulationKpis expected, SimulationKpis actual)
    {
        var diff = new List<string>();
        Exact(diff, "incidents", expected.Incidents, actual.Incidents);
        Exact(diff, "served", expected.Served, actual.Served);
        Exact(diff, "unserved", expected.Unserved, actual.Unserved);
        Exact(diff, "queued", expected.Queued, actual.Queued);
        Exact(diff, "stockOuts", expected.StockOuts, actual.StockOuts);
        Stats(diff, "responseMin", expected.ResponseMin, actual.ResponseMin);
        Close(diff, "withinStandardShare", expected.WithinStandardShare, actual.WithinStandardShare);

        // A SKU never consumed may be listed with 0 or left out: both say the same.
        foreach (var sku in expected.PartsConsumed.Keys.Union(actual.PartsConsumed.Keys).Order(StringComparer.Ordinal))
        {
            Exact(diff, $"partsConsumed[{sku}]", expected.PartsConsumed.GetValueOrDefault(sku), actual.PartsConsumed.GetValueOrDefault(sku));
        }

        var actualBusy = actual.BusyShare.ToDictionary(b => (b.CenterId, b.Type), b => b.Share);
        foreach (var key in expected.BusyShare.Keys.Union(actualBusy.Keys).OrderBy(k => k.CenterId, StringComparer.Ordinal).ThenBy(k => k.Type, StringComparer.Ordinal))
        {
            var name = $"busyShare[{key.CenterId}, {key.Type}]";
            if (!expected.BusyShare.TryGetValue(key, out var e) || !actualBusy.TryGetValue(key, out var a))
            {
                diff.Add($"{name}: expected {(expected.BusyShare.ContainsKey(key) ? "listed" : "not listed")}, actual {(actualBusy.ContainsKey(key) ? "listed" : "not listed")}");
                continue;
            }

            Close(diff, name, e, a);
        }

        foreach (var cls in expected.Coverage.Keys.Union(actual.Coverage.Keys).Order(StringComparer.Ordinal))
        {
            if (!expected.Coverage.TryGetValue(cls, out var e) || !actual.Coverage.TryGetValue(cls, out var a))
            {
                diff.Add($"coverage[{cls}]: expected {(expected.Coverage.ContainsKey(cls) ? "listed" : "not listed")}, actual {(actual.Coverage.ContainsKey(cls) ? "listed" : "not listed")}");
                continue;
            }

            Close(diff, $"coverage[{cls}].all", e.All, a.All);
            Close(diff, $"coverage[{cls}].remote", e.Remote, a.Remote);
        }

        // byRegion is not in the brief's list but costs nothing: a region with no incidents may be left out.
        var actualRegions = actual.ByRegion.Where(r => r.Incidents > 0).ToDictionary(r => r.Region, StringComparer.Ordinal);
        var expectedRegions = expected.ByRegion.ToDictionary(r => r.Region, StringComparer.Ordinal);
        foreach (var code in expectedRegions.Keys.Union(actualRegions.Keys).Order(StringComparer.Ordinal))
        {
            if (!expectedRegions.TryGetValue(code, out var e) || !actualRegions.TryGetValue(code, out var a))
            {
                diff.Add($"byRegion[{code}]: expected {(expectedRegions.ContainsKey(code) ? "listed" : "not listed")}, actual {(actualRegions.ContainsKey(code) ? "listed" : "not listed")}");
                continue;
            }

            Exact(diff, $"byRegion[{code}].incidents", e.Incidents, a.Incidents);
            Exact(diff, $"byRegion[{code}].served", e.Served, a.Served);
            Stats(diff, $"byRegion[{code}].responseMin", e.ResponseMin, new ReferenceResponseStats(a.ResponseMin.Mean, a.ResponseMin.P50, a.ResponseMin.P90, a.ResponseMin.P95, a.ResponseMin.Max));
            Close(diff, $"byRegion[{code}].withinStandardShare", e.WithinStandardShare, a.WithinStandardShare);
        }

        return diff;
    }

    public static bool AreClose(double? expected, double? actual) =>
        expected is null || actual is null
            ? expected is null && actual is null
            : Math.Abs(expected.Value - actual.Value) <= Tolerance * Math.Max(1, Math.Max(Math.Abs(expected.Value), Math.Abs(actual.Value)));

    private static void Stats(List<string> diff, string name, ReferenceResponseStats expected, ResponseStats actual) =>
        Stats(diff, name, expected, new ReferenceResponseStats(actual.Mean, actual.P50, actual.P90, actual.P95, actual.Max));

    private static void Stats(List<string> diff, string name, ReferenceResponseStats expected, ReferenceResponseStats actual)
    {
        Close(diff, $"{name}.mean", expected.Mean, actual.Mean);
        Close(diff, $"{name}.p50", expected.P50, actual.P50);
        Close(diff, $"{name}.p90", expected.P90, actual.P90);
        Close(diff, $"{name}.p95", expected.P95, actual.P95);
        Close(diff, $"{name}.max", expected.Max, actual.Max);
    }

    private static void Exact(List<string> diff, string name, int expected, int actual)
    {
        if (expected != actual)
        {
            diff.Add($"{name}: expected {expected}, actual {actual}");
        }
    }

    private static void Close(List<string> diff, string name, double? expected, double? actual)
    {
        if (!AreClose(expected, actual))
        {
            diff.Add($"{name}: expected {Show(expected)}, actual {Show(actual)}");
        }
    }

    private static string Show(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "null";
}
