using Dispatch.Cli.Sweep;
using Spectre.Console;

namespace Dispatch.Cli.Output;

/// <summary>The table of <c>sweep</c>: the baseline first, then one row per value.</summary>
public static class SweepTable
{
    public static Table Build(SweepResult sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var classes = sweep.CoverageClasses;
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"Sweep of {sweep.Parameter} ({sweep.Policy})"));
        table.AddColumn("value");
        foreach (var header in new[] { "mean response (min)", "p90 (min)", "late share", "remote late share" })
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        foreach (var coverageClass in classes)
        {
            table.AddColumn(new TableColumn(Markup.Escape($"coverage {coverageClass}")).RightAligned());
        }

        AddRow(table, sweep.Baseline, classes, italic: true);
        foreach (var row in sweep.Rows)
        {
            AddRow(table, row, classes, italic: false);
        }

        return table;
    }

    private static void AddRow(Table table, SweepRow row, IReadOnlyList<string> classes, bool italic)
    {
        var label = Markup.Escape(row.Label);
        var cells = new List<string>
        {
            italic ? $"[italic]{label}[/]" : label,
            Format.Minutes(row.MeanResponseMin),
            Format.Minutes(row.P90ResponseMin),
            Format.Share(row.LateShare),
            Format.Share(row.RemoteLateShare),
        };
        cells.AddRange(classes.Select(c => Format.Share(row.Coverage.GetValueOrDefault(c))));
        table.AddRow(cells.ToArray());
    }
}
