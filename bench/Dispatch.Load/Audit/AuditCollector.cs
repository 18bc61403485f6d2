using System.Collections.Concurrent;
using Dispatch.Load.Api;
using Dispatch.Load.Workload;

namespace Dispatch.Load.Audit;

/// <summary>Reads, through the API, what the audit needs after a run: the network, the open cases, and every case
/// the run created.</summary>
public sealed class AuditCollector(DispatchApiClient api, int parallelReads = 16)
{
    public async Task<AuditInput> CollectAsync(
        IReadOnlyDictionary<StockKey, StockCount> startStock,
        RunLedger ledger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var network = await api.GetNetworkAsync(cancellationToken).ConfigureAwait(false);
        if (!network.IsSuccess)
        {
            throw new InvalidOperationException($"GET /v1/network answered {network.Status} during the audit: {Truncate(network.Body)}");
        }

        var cases = new ConcurrentDictionary<string, IncidentCase>(StringComparer.Ordinal);
        string? cursor = null;
        do
        {
            var open = await api.ListOpenIncidentsAsync(cursor, cancellationToken).ConfigureAwait(false);
            if (!open.IsSuccess)
            {
                throw new InvalidOperationException($"GET /v1/incidents?status=open answered {open.Status} during the audit: {Truncate(open.Body)}");
            }

            foreach (var item in CaseReader.ReadList(open.Body))
            {
                cases[item.Id] = item;
            }

            cursor = CaseReader.ReadNextCursor(open.Body);
        }
        while (cursor is not null);

        var tracked = ledger.Outcomes();
        var failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            tracked,
            new ParallelOptions { MaxDegreeOfParallelism = parallelReads, CancellationToken = cancellationToken },
            async (outcome, ct) =>
            {
                ApiResponse answer;
                try
                {
                    answer = await api.GetIncidentAsync(outcome.Id, ct).ConfigureAwait(false);
                }
                catch (HttpRequestException)
                {
                    failures[outcome.Id] = 0;
                    return;
                }

                var read = answer.IsSuccess ? CaseReader.ReadCase(answer.Body, outcome.Id) : null;
                if (read is null)
                {
                    failures[outcome.Id] = answer.Status;
                    // The open list may have shown it, but a case the run made must be readable on its own.
                    cases.TryRemove(outcome.Id, out _);
                    return;
                }

                // The per-id read is the newer and fuller view of the run's own cases.
                cases[outcome.Id] = read;
            }).ConfigureAwait(false);

        return new AuditInput(
            startStock,
            NetworkViewParser.Parse(network.Body),
            cases,
            tracked,
            failures,
            ledger.StockDeltas(),
            ledger.UncertainStock());
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
