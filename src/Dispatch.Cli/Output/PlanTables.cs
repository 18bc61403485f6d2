using System.Globalization;
using Dispatch.Cli.Planning;
using Dispatch.Solver.Placement;
using Spectre.Console;

namespace Dispatch.Cli.Output;

/// <summary>The two tables of <c>plan</c>: the answer (objective, covered weight, optimal, gap, time) and the chosen sites
/// with the demand each serves.</summary>
public static class PlanTables
{
    /// <summary>Beyond this many sites the table stops; answer.json and sites.geojson hold them all.</summary>
    public const int MaxSiteRows = 50;

    public static Table Summary(PlanOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var answer = outcome.Answer;
        var table = new Table().Border(TableBorder.Rounded).Title("Plan");
        table.AddColumn("");
        table.AddColumn(new TableColumn("").RightAligned());
        table.HideHeaders();
        Row(table, "model", ModelName(outcome.Model));
        Row(table, "sites opened (k)", Format.Count(answer.Sites.Count));
        if (outcome.Request?.ResourceType is { } type)
        {
            Row(table, "resource type", type);
        }

        if (outcome.Problem is { } problem)
        {
            Row(table, "candidate sites", Format.Count(problem.CandidateIds.Count));
            Row(table, "demand points", Format.Count(problem.DemandIds.Count));
        }

        var total = outcome.Problem?.Weights.Sum();
        if (outcome.Model == PlacementModel.Mclp)
        {
            Row(table, "covered weight (objective)", Weight(answer.CoveredWeight ?? answer.Objective)
                + (total is > 0 ? $" of {Weight(total.Value)} ({Format.Share((answer.CoveredWeight ?? answer.Objective) / total.Value)})" : ""));
            if (outcome.Solution?.PreCoveredWeight is > 0 and var pre)
            {
                Row(table, "already covered by today's units", Weight(pre));
            }
        }
        else
        {
            var placed = outcome.Request is not null;
            Row(table, placed ? "weighted travel time (objective)" : "total distance (objective)", Weight(answer.Objective));
            if (total is > 0)
            {
                Row(table, placed ? "mean travel time (min)" : "mean distance", Format.Minutes(answer.Objective / total.Value));
            }
        }

        Row(table, "proven optimal", answer.Optimal ? "yes" : "no");
        Row(table, "gap", (answer.Gap * 100).ToString("0.####", CultureInfo.InvariantCulture) + "%");
        Row(table, "solve time", answer.SolveMillis.ToString("N0", CultureInfo.InvariantCulture) + " ms");
        if (outcome.Solution?.Method is { } method)
        {
            Row(table, "method", method);
        }

        Row(table, "solved on", outcome.Where);
        return table;
    }

    public static Table Sites(PlanOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var mclp = outcome.Model == PlacementModel.Mclp;
        var services = outcome.Assignments is { } assignments
            ? PlanAssignment.Services(outcome.Model, outcome.Answer.Sites, assignments).ToDictionary(s => s.SiteId, StringComparer.Ordinal)
            : null;
        var table = new Table().Border(TableBorder.Rounded).Title("Chosen sites");
        table.AddColumn(new TableColumn("#").RightAligned());
        table.AddColumn(new TableColumn("site").NoWrap());
        // An OR-Library file has vertex numbers only: no names, no places.
        var placed = outcome.Request is not null;
        if (placed)
        {
            table.AddColumn("name");
            table.AddColumn("location");
        }

        table.AddColumn(new TableColumn("demand points").RightAligned());
        table.AddColumn(new TableColumn("weight served").RightAligned());
        table.AddColumn(new TableColumn(mclp ? "newly covered" : placed ? "mean time (min)" : "mean distance").RightAligned());
        if (services is null)
        {
            table.Caption("demand not linked to sites: the problem's travel times are not known here");
        }
        else if (mclp)
        {
            table.Caption("served = nearest chosen site; newly covered = within the standard and not already covered by today's units");
        }
        else if (outcome.Assignments!.Any(a => a.AlreadyServed))
        {
            table.Caption("served = nearest chosen site; demand today's units reach sooner is not counted");
        }

        var sites = outcome.Answer.Sites;
        for (var i = 0; i < sites.Count && i < MaxSiteRows; i++)
        {
            var id = sites[i];
            var service = services?.GetValueOrDefault(id);
            var location = outcome.Places.Site(id);
            var cells = new List<string> { (i + 1).ToString(CultureInfo.InvariantCulture), Markup.Escape(id) };
            if (placed)
            {
                cells.Add(Markup.Escape(outcome.Places.CenterOf(id)?.Name ?? ""));
                cells.Add(location is null ? Format.None : string.Create(CultureInfo.InvariantCulture, $"{location.Lat:0.####}, {location.Lon:0.####}"));
            }

            cells.Add(service is null ? Format.None : Format.Count(service.DemandPoints));
            cells.Add(service is null ? Format.None : Weight(service.Weight));
            cells.Add(service is null ? Format.None
                : mclp ? Weight(service.NewlyCoveredWeight ?? 0)
                : Format.Minutes(service.Weight > 0 ? service.WeightedTime / service.Weight : null));
            table.AddRow(cells.ToArray());
        }

        if (sites.Count > MaxSiteRows)
        {
            var cells = Enumerable.Repeat("", table.Columns.Count).ToArray();
            cells[1] = Markup.Escape($"... {sites.Count - MaxSiteRows} more in answer.json");
            table.AddRow(cells);
        }

        return table;
    }

    public static string ModelName(PlacementModel model) => model == PlacementModel.Mclp ? "mclp" : "pmedian";

    private static string Weight(double value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);

    private static void Row(Table table, string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
}
