using System.Globalization;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Rules;

namespace Dispatch.Solver.Tests.Rules;

/// <summary>Rule windows (docs/dispatch-semantics.md "Access rules"): local time in the window's zone, start inclusive,
/// end exclusive, a span with end before start wrapping past midnight and counted on the day it starts.</summary>
/// <remarks>Asia/Shanghai is UTC+8 all year. 2025-01-06 is a Monday.</remarks>
public sealed class TimeWindowTests
{
    private const string Shanghai = "Asia/Shanghai";

    private static DateTimeOffset Local(string isoWithOffset) => DateTimeOffset.Parse(isoWithOffset, CultureInfo.InvariantCulture);

    private static TimeWindow Window(string start, string end, int[]? days = null, string? tz = null, string defaultZone = Shanghai) =>
        TimeWindow.Create(new RuleWindowDocument { Start = start, End = end, Days = days, Tz = tz }, defaultZone);

    [Theory]
    [InlineData("2025-01-06T06:59:59+08:00", false)]
    [InlineData("2025-01-06T07:00:00+08:00", true)]
    [InlineData("2025-01-06T21:59:59+08:00", true)]
    [InlineData("2025-01-06T22:00:00+08:00", false)]
    public void Contains_DaySpan_StartInclusiveEndExclusive(string instant, bool expected)
    {
        Assert.Equal(expected, Window("07:00", "22:00").Contains(Local(instant)));
    }

    [Theory]
    [InlineData("2025-01-06T12:00:00+08:00", true)] // Monday
    [InlineData("2025-01-07T12:00:00+08:00", false)] // Tuesday
    [InlineData("2025-01-12T12:00:00+08:00", true)] // Sunday is ISO day 7
    public void Contains_DaysListed_OnlyThoseDays(string instant, bool expected)
    {
        Assert.Equal(expected, Window("07:00", "22:00", [1, 7]).Contains(Local(instant)));
    }

    [Fact]
    public void Contains_DaysOfInstantInOtherOffset_UsesWindowZoneDay()
    {
        // Sunday 23:00 in UTC is Monday 07:00 in Shanghai.
        var window = Window("07:00", "08:00", [1]);

        Assert.True(window.Contains(Local("2025-01-05T23:00:00+00:00")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(new int[0])]
    public void Contains_NoDays_EveryDay(int[]? days)
    {
        var window = Window("07:00", "22:00", days);

        for (var day = 6; day <= 12; day++)
        {
            Assert.True(window.Contains(new DateTimeOffset(2025, 1, day, 12, 0, 0, TimeSpan.FromHours(8))));
        }
    }

    [Theory]
    [InlineData("2025-01-10T21:59:00+08:00", false)] // Friday before the start
    [InlineData("2025-01-10T22:00:00+08:00", true)] // Friday 22:00, start inclusive
    [InlineData("2025-01-11T00:00:00+08:00", true)] // Saturday midnight, still Friday's span
    [InlineData("2025-01-11T05:59:00+08:00", true)]
    [InlineData("2025-01-11T06:00:00+08:00", false)] // end exclusive
    [InlineData("2025-01-10T05:00:00+08:00", false)] // Friday morning belongs to Thursday's span
    [InlineData("2025-01-11T22:30:00+08:00", false)] // Saturday's own evening: Saturday not listed
    public void Contains_WrapPastMidnight_MorningBelongsToPreviousDay(string instant, bool expected)
    {
        Assert.Equal(expected, Window("22:00", "06:00", [5]).Contains(Local(instant)));
    }

    [Fact]
    public void Contains_WrapFromSunday_MondayMorningCounts()
    {
        // ISO day 7 (Sunday) is the day before Monday (1).
        var window = Window("22:00", "06:00", [7]);

        Assert.True(window.Contains(Local("2025-01-13T03:00:00+08:00")));
        Assert.False(window.Contains(Local("2025-01-12T03:00:00+08:00")));
    }

    [Fact]
    public void Contains_WindowTz_OverridesDefaultZone()
    {
        // 03:00 UTC is 03:00 in London (winter) and 11:00 in Shanghai.
        var instant = Local("2025-01-06T03:00:00+00:00");

        Assert.False(Window("07:00", "22:00", tz: "Europe/London").Contains(instant));
        Assert.True(Window("07:00", "22:00", tz: null, defaultZone: Shanghai).Contains(instant));
        Assert.False(Window("07:00", "22:00", tz: null, defaultZone: "Europe/London").Contains(instant));
    }

    [Theory]
    [InlineData("00:00", 0)]
    [InlineData("07:30", 450)]
    [InlineData("23:59", 1439)]
    public void TryParseClock_ValidTime_MinuteOfDay(string text, int expected)
    {
        Assert.True(TimeWindow.TryParseClock(text, out var minute));
        Assert.Equal(expected, minute);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("7:30")]
    [InlineData("24:00")]
    [InlineData("12:60")]
    [InlineData("12-30")]
    [InlineData("+1:30")]
    [InlineData("07:30:00")]
    public void TryParseClock_Invalid_False(string? text)
    {
        Assert.False(TimeWindow.TryParseClock(text, out _));
    }

    [Theory]
    [InlineData("Asia/Shanghai", true)]
    [InlineData("Asia/Urumqi", true)]
    [InlineData("Mars/Olympus_Mons", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TryFindZone_IanaId_FoundWhenKnown(string? id, bool expected)
    {
        Assert.Equal(expected, TimeWindow.TryFindZone(id, out _));
    }
}
