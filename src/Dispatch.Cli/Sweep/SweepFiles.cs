using System.Text;
using System.Text.Json;
using Dispatch.Cli.Output;
using Dispatch.Cli.Running;

namespace Dispatch.Cli.Sweep;

/// <summary>Writes <c>sweep.csv</c> (one row per value, for a spreadsheet) and <c>sweep.json</c> (the rows and the baseline).</summary>
public static class SweepFiles
{
    public const string CsvName = "sweep.csv";
    public const string JsonName = "sweep.json";

    public static IReadOnlyList<string> Write(SweepResult sweep, string directory)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        Directory.CreateDirectory(directory);
        var csv = Path.Combine(directory, CsvName);
        var json = Path.Combine(directory, JsonName);
        File.WriteAllText(csv, Csv(sweep), new UTF8Encoding(false));
        File.WriteAllText(json, JsonSerializer.Serialize(sweep, CliJson.Options), new UTF8Encoding(false));
        return [csv, json];
    }

    /// <summary>The baseline is not a value of the parameter, so it stays out of the CSV; sweep.json has it.</summary>
    public static string Csv(SweepResult sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var classes = sweep.CoverageClasses;
        var text = new StringBuilder();
        text.Append("value,incidents,unserved,meanResponseMin,p90ResponseMin,lateShare,remoteLateShare");
        foreach (var coverageClass in classes)
        {
            text.Append(",coverage.").Append(coverageClass);
        }

        text.Append('\n');
        foreach (var row in sweep.Rows)
        {
            text.Append(Format.Raw(row.Value)).Append(',')
                .Append(row.Incidents).Append(',')
                .Append(row.Unserved).Append(',')
                .Append(Format.Raw(row.MeanResponseMin)).Append(',')
                .Append(Format.Raw(row.P90ResponseMin)).Append(',')
                .Append(Format.Raw(row.LateShare)).Append(',')
                .Append(Format.Raw(row.RemoteLateShare));
            foreach (var coverageClass in classes)
            {
                text.Append(',').Append(Format.Raw(row.Coverage.GetValueOrDefault(coverageClass)));
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
