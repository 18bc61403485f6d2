using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Tests.Reference;

/// <summary>A rule window checked by brute force: the instant is inside when some span that starts on an
/// allowed local day (today or yesterday) runs over it. Independent of the Solver's TimeWindow on purpose.</summary>
internal static class ReferenceWindow
{
    public static bool IsActive(RuleWindowDocument window, string defaultTimeZone, DateTimeOffset instant)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(window.Tz ?? defaultTimeZone);
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        var start = ParseClock(window.Start!);
        var end = ParseClock(window.End!);
        for (var back = 0; back <= 1; back++)
        {
            var day = local.Date.AddDays(-back);
            if (!IsAllowedDay(window.Days, day.DayOfWeek))
            {
                continue;
            }

            var spanStart = day + start;
            var spanEnd = end > start ? day + end : day.AddDays(1) + end;
            if (local >= spanStart && local < spanEnd)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAllowedDay(IReadOnlyList<int>? days, DayOfWeek dayOfWeek)
    {
        if (days is null || days.Count == 0)
        {
            return true;
        }

        var iso = dayOfWeek == DayOfWeek.Sunday ? 7 : (int)dayOfWeek;
        return days.Contains(iso);
    }

    private static TimeSpan ParseClock(string text) =>
        new(int.Parse(text[..2], System.Globalization.CultureInfo.InvariantCulture), int.Parse(text[3..], System.Globalization.CultureInfo.InvariantCulture), 0);
}
