using Dispatch.Grains.Incidents;

namespace Dispatch.Grains.Privacy;

/// <summary>Walks the erasure index's calendar, oldest day first, erasing what is due; forgets a day once it lies
/// wholly before the cutoff and nothing of it is left.</summary>
public sealed class RetentionSweeperGrain : Grain, IRetentionSweeperGrain
{
    public const string Key = "default";

    public async Task<SweepResult> SweepAsync(DateTimeOffset cutoff, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var lastDay = DateOnly.FromDateTime(cutoff.UtcDateTime);
        var days = await ClosedCases.Calendar(GrainFactory).ListAsync(lastDay);
        var erased = 0;
        foreach (var day in days)
        {
            var cases = ClosedCases.Day(GrainFactory, day);
            var due = await cases.DueAsync(cutoff, max - erased);
            await Task.WhenAll(due.Select(id => GrainFactory.GetGrain<IIncidentGrain>(id).EraseCustomerDataAsync(ErasureReason.Retention)));
            erased += due.Length;
            var left = await cases.RemoveAsync(due);

            // The cutoff's own day may still get cases that close later in it; earlier days are complete.
            if (left == 0 && day < lastDay)
            {
                await ClosedCases.Calendar(GrainFactory).RemoveDayAsync(day);
            }

            if (erased >= max)
            {
                return new SweepResult(erased, More: true);
            }
        }

        return new SweepResult(erased, More: false);
    }
}
