using Dispatch.Solver.Simulation;
using Spectre.Console;

namespace Dispatch.Cli.Output;

/// <summary>The two tables of <c>simulate</c>: the KPIs of scenario and baseline side by side, and the regions.</summary>
public static class KpiTables
{
    public static Table Summary(ScenarioOutcome outcome, string scenarioLabel, string baselineLabel)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var (s, b) = (outcome.Scenario, outcome.Baseline);
        var table = new Table().Border(TableBorder.Rounded).Title("KPIs");
        table.AddColumn("KPI");
        table.AddColumn(new TableColumn(Markup.Escape(scenarioLabel)).RightAligned());
        table.AddColumn(new TableColumn(Markup.Escape(baselineLabel)).RightAligned());

        Row(table, "incidents", Format.Count(s.Incidents), Format.Count(b.Incidents));
        Row(table, "served", Format.Count(s.Served), Format.Count(b.Served));
        Row(table, "unserved", Format.Count(s.Unserved), Format.Count(b.Unserved));
        Row(table, "queued (served after waiting)", Format.Count(s.Queued), Format.Count(b.Queued));
        Row(table, "response mean (min)", Format.Minutes(s.ResponseMin.Mean), Format.Minutes(b.ResponseMin.Mean));
        Row(table, "response p50 (min)", Format.Minutes(s.ResponseMin.P50), Format.Minutes(b.ResponseMin.P50));
        Row(table, "response p90 (min)", Format.Minutes(s.ResponseMin.P90), Format.Minutes(b.ResponseMin.P90));
        Row(table, "response p95 (min)", Format.Minutes(s.ResponseMin.P95), Format.Minutes(b.ResponseMin.P95));
        Row(table, "response max (min)", Format.Minutes(s.ResponseMin.Max), Format.Minutes(b.ResponseMin.Max));
        Row(table, "within standard", Format.Share(s.WithinStandardShare), Format.Share(b.WithinStandardShare));
        Row(table, "stock-outs", Format.Count(s.StockOuts), Format.Count(b.StockOuts));
        foreach (var coverageClass in KpiFacts.CoverageClasses(s, b))
        {
            var (sc, bc) = (KpiFacts.Coverage(s, coverageClass), KpiFacts.Coverage(b, coverageClass));
            Row(table, $"coverage {coverageClass}, all", Format.Share(sc?.All), Format.Share(bc?.All));
            Row(table, $"coverage {coverageClass}, remote", Format.Share(sc?.Remote), Format.Share(bc?.Remote));
        }

        return table;
    }

    /// <summary>Per region, both runs; regions in the scenario's order, then any only the baseline saw.</summary>
    public static Table Regions(ScenarioOutcome outcome, string scenarioLabel, string baselineLabel)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var scenario = outcome.Scenario.ByRegion.ToDictionary(r => r.Region, StringComparer.Ordinal);
        var baseline = outcome.Baseline.ByRegion.ToDictionary(r => r.Region, StringComparer.Ordinal);
        var regions = outcome.Scenario.ByRegion.Concat(outcome.Baseline.ByRegion.Where(r => !scenario.ContainsKey(r.Region))).ToList();

        // Short headers keep the table inside 80 columns; the caption says which run is which.
        var table = new Table().Border(TableBorder.Rounded).Title("By region")
            .Caption(Markup.Escape($"S = {scenarioLabel}, B = {baselineLabel}; in std = served within the region's standard; * remote region"));
        table.AddColumn(new TableColumn("region").NoWrap());
        table.AddColumn("code");
        table.AddColumn(new TableColumn("incidents S").RightAligned());
        table.AddColumn(new TableColumn("in std S").RightAligned());
        table.AddColumn(new TableColumn("incidents B").RightAligned());
        table.AddColumn(new TableColumn("in std B").RightAligned());
        foreach (var region in regions)
        {
            var s = scenario.GetValueOrDefault(region.Region);
            var b = baseline.GetValueOrDefault(region.Region);
            table.AddRow(
                Markup.Escape(region.Name + (region.Remote ? " *" : "")),
                Markup.Escape(region.Region),
                s is null ? Format.None : Format.Count(s.Incidents),
                Format.Share(s?.WithinStandardShare),
                b is null ? Format.None : Format.Count(b.Incidents),
                Format.Share(b?.WithinStandardShare));
        }

        return table;
    }

    private static void Row(Table table, string name, string scenario, string baseline) =>
        table.AddRow(Markup.Escape(name), scenario, baseline);
}
