using System.Globalization;
using System.Text;

namespace Dispatch.Load.Reporting;

/// <summary>Prints the report as plain-text tables.</summary>
public static class TableWriter
{
    public static string Write(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var c = report.Configuration;
        text.AppendLine(Invariant($"Dispatch.Load  target {c.Target}  rate {c.Rate:0.##}/s  duration {c.DurationSeconds:0.#}s  warmup {c.WarmupSeconds:0.#}s  seed {c.Seed}  connections {c.Connections}  max-in-flight {c.MaxInFlight}"));
        text.AppendLine(Invariant($"mix {c.Mix}  ids {c.IdPrefix}-*  machine {c.Machine}, {c.ProcessorCount} cores"));
        text.AppendLine();
        if (report.GeneratorCeiling is { } ceiling)
        {
            WritePhase(text, "Generator ceiling (bare endpoint, saturating, same connections and cap)", ceiling);
        }
        else
        {
            text.AppendLine("Generator ceiling: not measured (--no-ceiling), so no throughput below is claimed");
        }

        if (report.Engine is { } engine)
        {
            text.AppendLine();
            WritePhase(text, "Engine", engine);
        }

        if (report.Audit is { } audit)
        {
            text.AppendLine();
            var f = audit.Figures;
            text.AppendLine(Invariant($"Audit: {(audit.Passed ? "PASSED" : $"FAILED ({audit.Violations.Count} violations)")}"));
            text.AppendLine(Invariant($"  incidents created {f.IncidentsCreated}, read back {f.IncidentsRead}; holding a unit {f.HoldingAssignment}, completed {f.Completed}, cancelled {f.Cancelled}, open undispatched {f.StillOpenUndispatched}"));
            text.AppendLine(Invariant($"  reservations checked {f.PartsReservedChecked} center/SKU pairs; onHand checked {f.StockKeysChecked}; parts consumed {f.PartsConsumed}; accepted stock delta {f.AcceptedStockDelta:+0;-0;0}"));
            foreach (var violation in audit.Violations.Take(50))
            {
                text.AppendLine(Invariant($"  VIOLATION {violation.Code} {violation.Subject}: {violation.Message}"));
            }

            if (audit.Violations.Count > 50)
            {
                text.AppendLine(Invariant($"  ... and {audit.Violations.Count - 50} more (see the JSON report)"));
            }

            foreach (var note in audit.Notes.Take(10))
            {
                text.AppendLine("  note: " + note);
            }
        }

        if (report.Baseline is { } baseline)
        {
            text.AppendLine();
            WritePhase(text, "Bare endpoint at the same rate", baseline.SameRate);
            text.AppendLine(Invariant($"Engine / bare: {Ratio(baseline.EngineToBareAtSameRate)} at the same offered rate, {Ratio(baseline.EngineToBareMaximum)} of the generator's ceiling on the bare endpoint (a lower bound of the bare endpoint's own maximum; wrk: bench/http-ratio.sh)"));
        }

        if (report.RawStorage is { } raw)
        {
            text.AppendLine();
            text.AppendLine(Invariant($"Raw storage: {raw.Result.UpsertsPerSecond:0} single-row upserts/s ({raw.Result.Rows} rows in {raw.Result.Elapsed.TotalSeconds:0.0}s, {string.Join(", ", raw.Result.Pragmas)}) on {raw.File}"));
            if (raw.DispatchCommitsPerSecond is { } commits)
            {
                text.AppendLine(Invariant($"Durable dispatch commits: {commits:0.0}/s = {Ratio(raw.DispatchCommitsToRawUpserts)} of raw upserts"));
            }
        }

        text.AppendLine();
        if (report.Passed)
        {
            text.AppendLine("RESULT: PASS");
        }
        else
        {
            text.AppendLine("RESULT: FAIL");
            foreach (var failure in report.Failures)
            {
                text.AppendLine("  - " + failure);
            }
        }

        return text.ToString();
    }

    private static void WritePhase(StringBuilder text, string title, PhaseReport phase)
    {
        text.AppendLine(Invariant($"{title}: offered {phase.OfferedRatePerSecond:0.##}/s, achieved {phase.AchievedOperationsPerSecond:0.0} ops/s, {phase.AchievedRequestsPerSecond:0.0} requests/s over {phase.MeasuredSeconds:0.0}s; dropped by generator {phase.DroppedByGenerator}; scheduler lag p99 {phase.SchedulerLagP99Ms:0.0} ms, max {phase.MaxSchedulerLagMs:0.0} ms"));
        if (phase.Claim is { } claim)
        {
            var share = claim.ShareOfCeiling is { } r ? Invariant($", {r:0.00} of the generator's ceiling") : string.Empty;
            text.AppendLine(Invariant($"  throughput: {claim.Label}{share}"));
            foreach (var reason in claim.Reasons)
            {
                text.AppendLine("    - " + reason);
            }
        }

        text.AppendLine("  latency from intended send time, ms");
        text.AppendLine(Invariant($"  {"operation",-10} {"done",8} {"drop",6} {"skip",6} {"ops/s",8} {"p50",9} {"p90",9} {"p99",9} {"p99.9",9} {"max",9}  statuses"));
        foreach (var op in phase.Operations.Append(phase.Total))
        {
            var l = op.Latency;
            text.AppendLine(Invariant($"  {op.Name,-10} {op.Completed,8} {op.Dropped,6} {op.Skipped,6} {op.PerSecond,8:0.0} {l.P50Ms,9:0.00} {l.P90Ms,9:0.00} {l.P99Ms,9:0.00} {l.P999Ms,9:0.00} {l.MaxMs,9:0.00}  {Statuses(op.Statuses)}"));
        }

        text.AppendLine("  per call, service time from its own send, ms");
        foreach (var request in phase.Requests)
        {
            var l = request.ServiceTime;
            text.AppendLine(Invariant($"  {request.Name,-44} {request.Count,8} {l.P50Ms,9:0.00} {l.P99Ms,9:0.00} {l.MaxMs,9:0.00}  {Statuses(request.Statuses)}"));
        }

        if (phase.WarmupStatuses.Count > 0)
        {
            text.AppendLine("  warm-up answers: " + Statuses(phase.WarmupStatuses));
        }

        foreach (var sample in phase.TransportErrorSamples)
        {
            text.AppendLine("  transport error: " + sample);
        }
    }

    private static string Statuses(IReadOnlyDictionary<string, long> statuses) =>
        string.Join(' ', statuses.Select(s => Invariant($"{s.Key}:{s.Value}")));

    private static string Ratio(double? ratio) => ratio is { } r ? Invariant($"{r:0.000}") : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
