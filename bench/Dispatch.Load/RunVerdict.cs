using Dispatch.Load.Audit;
using Dispatch.Load.Measurement;
using Dispatch.Load.Scheduling;

namespace Dispatch.Load;

/// <summary>What makes a run fail. Never throughput or latency: those are noisy on shared machines.</summary>
public static class RunVerdict
{
    public static IReadOnlyList<string> Failures(LoadRunResult run, AuditResult audit, OperationMix mix)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(mix);
        var failures = new List<string>();
        if (run.ServerErrors > 0)
        {
            failures.Add($"{run.ServerErrors} answer(s) with a 5xx status");
        }

        if (run.TransportErrors > 0)
        {
            failures.Add($"{run.TransportErrors} call(s) got no answer (transport error or timeout)");
        }

        var authRefusals = AllStatuses(run).Where(s => s is 401 or 403);
        if (authRefusals > 0)
        {
            failures.Add($"{authRefusals} answer(s) were 401/403: the API key is missing or lacks a role, so the run proved nothing");
        }

        foreach (var group in audit.Violations.GroupBy(v => v.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            failures.Add($"audit: {group.Count()} × {group.Key} (first: {group.First().Subject}: {group.First().Message})");
        }

        // A run in which nothing was created cannot show that nothing was lost.
        if (mix.WeightOf(OperationKind.Dispatch) > 0 && audit.Figures.IncidentsCreated == 0)
        {
            failures.Add("no incident was created, so the audit had nothing to check");
        }

        return failures;
    }

    private static StatusCounts AllStatuses(LoadRunResult run)
    {
        var all = new StatusCounts();
        foreach (var (_, stats) in run.Warmup.Requests.Concat(run.Measured.Requests))
        {
            all.AddAll(stats.Statuses);
        }

        return all;
    }
}
