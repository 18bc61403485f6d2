using Dispatch.Cli.Output;
using Dispatch.Solver.Simulation;

namespace Dispatch.Cli.Sweep;

/// <summary>What a sweep keeps of one run: the figures of the trade-off.</summary>
/// <param name="Value">The parameter's value; null for the baseline.</param>
/// <param name="Coverage">Time-averaged covered share of all demand, by coverage class.</param>
public sealed record SweepRow(
    double? Value,
    string Label,
    int Incidents,
    int Unserved,
    double? MeanResponseMin,
    double? P90ResponseMin,
    double? LateShare,
    double? RemoteLateShare,
    IReadOnlyDictionary<string, double?> Coverage)
{
    public static SweepRow From(double? value, string label, SimulationKpis kpis)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        return new SweepRow(
            value,
            label,
            kpis.Incidents,
            kpis.Unserved,
            kpis.ResponseMin.Mean,
            kpis.ResponseMin.P90,
            KpiFacts.LateShare(kpis),
            KpiFacts.RemoteLateShare(kpis),
            kpis.Coverage.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(c => c.Key, c => c.Value.All, StringComparer.Ordinal));
    }
}

/// <summary>A whole sweep: the parameter, the policies, one row per value and the baseline they are compared to.</summary>
public sealed record SweepResult(string Parameter, string Policy, string BaselinePolicy, SweepRow Baseline, IReadOnlyList<SweepRow> Rows)
{
    /// <summary>Coverage classes of any run, in ordinal order: the coverage columns.</summary>
    public IReadOnlyList<string> CoverageClasses =>
        Rows.Append(Baseline).SelectMany(r => r.Coverage.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
}
