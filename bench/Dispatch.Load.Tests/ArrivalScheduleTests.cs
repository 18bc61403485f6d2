using Dispatch.Load.Scheduling;

namespace Dispatch.Load.Tests;

public class ArrivalScheduleTests
{
    [Theory]
    [InlineData(40, 25, 1000)]
    [InlineData(2.5, 1, 3)]
    [InlineData(3, 1, 3)]
    [InlineData(1, 0.5, 1)]
    [InlineData(10, 0, 0)]
    public void CountFor_RateAndDuration_CountsArrivalsBeforeTheEnd(double rate, double seconds, long expected)
    {
        Assert.Equal(expected, ArrivalSchedule.CountFor(rate, TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void IntendedTimestamp_FixedRate_IsStartPlusIndexOverRate()
    {
        var schedule = new ArrivalSchedule(startTimestamp: 5_000, timestampFrequency: 1_000_000, ratePerSecond: 40, count: 1000);

        Assert.Equal(5_000, schedule.IntendedTimestamp(0));
        Assert.Equal(5_000 + 25_000, schedule.IntendedTimestamp(1));
        Assert.Equal(5_000 + 24_975_000, schedule.IntendedTimestamp(999));
    }

    [Fact]
    public void IntendedTimestamp_FarIndex_DoesNotDrift()
    {
        // 3/s does not divide a second evenly; computing each time from the start keeps a million arrivals on time.
        var schedule = new ArrivalSchedule(0, 10_000_000, 3, 3_000_001);

        Assert.Equal(10_000_000L * 1_000_000, schedule.IntendedTimestamp(3_000_000));
        Assert.Equal(6_666_667, schedule.IntendedTimestamp(2));
    }

    [Fact]
    public void FirstIndexAtOrAfter_WarmupOffset_IsFirstMeasuredArrival()
    {
        var schedule = new ArrivalSchedule(0, 1_000, 40, 1120);

        var first = schedule.FirstIndexAtOrAfter(TimeSpan.FromSeconds(3));

        Assert.Equal(120, first);
        Assert.True(schedule.IntendedTimestamp(first) >= 3_000);
        Assert.True(schedule.IntendedTimestamp(first - 1) < 3_000);
    }

    [Fact]
    public void Constructor_NonPositiveRate_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArrivalSchedule(0, 1000, 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArrivalSchedule(0, 1000, double.NaN, 10));
    }
}
