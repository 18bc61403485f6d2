using Dispatch.Grains.Incidents;
using Microsoft.Extensions.Logging;

namespace Dispatch.Grains.Privacy;

/// <summary>Walks the erasure index's calendar, oldest day first, erasing what is due; forgets a day once it lies
/// wholly before the cutoff and nothing of it is left.</summary>
public sealed class RetentionSweeperGrain(ILogger<RetentionSweeperGrain> logger) : Grain, IRetentionSweeperGrain
{
    public const string Key = "default";

    public async Task<SweepResult> SweepAsync(DateTimeOffset cutoff, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var lastDay = DateOnly.FromDateTime(cutoff.UtcDateTime);
        var days = await ClosedCases.Calendar(GrainFactory).ListAsync(lastDay);
        var erased = 0;
        var tried = 0;
        foreach (var day in days)
        {
            var left = 0;
            foreach (var cases in ClosedCases.Day(GrainFactory, day))
            {
                var due = await cases.DueAsync(cutoff, max - tried);
                // Each case on its own: one that cannot be erased now (e.g. its silo is down) stays in the index for
                // the next sweep and does not hold back the others.
                var done = await Task.WhenAll(due.Select(EraseAsync));
                var gone = due.Where((_, i) => done[i]).ToArray();
                tried += due.Length;
                erased += gone.Length;
                left += await cases.RemoveAsync([.. gone]);
                if (tried >= max)
                {
                    return new SweepResult(erased, More: true);
                }
            }

            // The cutoff's own day may still get cases that close later in it; earlier days are complete.
            if (left == 0 && day < lastDay)
            {
                await ClosedCases.Calendar(GrainFactory).RemoveDayAsync(day);
            }
        }

        return new SweepResult(erased, More: false);
    }

    private async Task<bool> EraseAsync(string incidentId)
    {
        try
        {
            await GrainFactory.GetGrain<IIncidentGrain>(incidentId).EraseCustomerDataAsync(ErasureReason.Retention);
            return true;
        }
        catch (Exception e)
        {
            logger.ErasureFailed(e, incidentId);
            return false;
        }
    }
}
