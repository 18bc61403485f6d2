using System.Collections.Immutable;

namespace Dispatch.Grains.Privacy;

/// <summary>The calendar of closing days whose cases await erasure: one entry per day, so it holds at most the
/// retention period's days.</summary>
public interface IClosedDaysGrain : IGrainWithStringKey
{
    Task AddDayAsync(DateOnly day);

    Task RemoveDayAsync(DateOnly day);

    /// <summary>The days up to and including <paramref name="last"/>, oldest first.</summary>
    Task<ImmutableArray<DateOnly>> ListAsync(DateOnly last);
}
