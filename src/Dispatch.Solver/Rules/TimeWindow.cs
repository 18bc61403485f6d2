using System.Globalization;
using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Rules;

/// <summary>A local time span on some weekdays in an IANA zone; start inclusive, end exclusive, and a
/// span whose end is before its start wraps past midnight, its days naming the day it starts on.</summary>
internal sealed class TimeWindow
{
    private readonly int startMinute;
    private readonly int endMinute;
    private readonly bool[] days; // index 1..7, ISO weekday
    private readonly TimeZoneInfo zone;

    private TimeWindow(int startMinute, int endMinute, bool[] days, TimeZoneInfo zone)
    {
        this.startMinute = startMinute;
        this.endMinute = endMinute;
        this.days = days;
        this.zone = zone;
    }

    public static bool TryParseClock(string? text, out int minuteOfDay)
    {
        minuteOfDay = 0;
        if (text is null || text.Length != 5 || text[2] != ':')
        {
            return false;
        }

        if (!int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || h > 23 || m > 59)
        {
            return false;
        }

        minuteOfDay = (h * 60) + m;
        return true;
    }

    public static bool TryFindZone(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>Compiles a window that validation has accepted.</summary>
    public static TimeWindow Create(RuleWindowDocument window, string defaultTimeZone)
    {
        if (!TryParseClock(window.Start, out var start) || !TryParseClock(window.End, out var end))
        {
            throw new ArgumentException("window start/end must be HH:mm", nameof(window));
        }

        if (!TryFindZone(window.Tz ?? defaultTimeZone, out var zone))
        {
            throw new ArgumentException("unknown time zone", nameof(window));
        }

        var days = new bool[8];
        if (window.Days is null || window.Days.Count == 0)
        {
            Array.Fill(days, true);
        }
        else
        {
            foreach (var d in window.Days)
            {
                days[d] = true;
            }
        }

        return new TimeWindow(start, end, days, zone);
    }

    public bool Contains(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var minute = (local.Hour * 60) + local.Minute;
        var day = IsoDay(local.DayOfWeek);
        if (startMinute < endMinute)
        {
            return days[day] && minute >= startMinute && minute < endMinute;
        }

        // Wraps past midnight: the evening part belongs to today, the morning part to the day before.
        if (minute >= startMinute)
        {
            return days[day];
        }

        return minute < endMinute && days[day == 1 ? 7 : day - 1];
    }

    private static int IsoDay(DayOfWeek d) => d == DayOfWeek.Sunday ? 7 : (int)d;
}
