using System.Globalization;

namespace Dispatch.Grains.Privacy;

/// <summary>The durable index of closed cases whose customer data awaits erasure, one grain per UTC closing day
/// (<see cref="IClosedCasesGrain"/>) and a calendar of the days that hold any (<see cref="IClosedDaysGrain"/>).
/// The incident registry keeps only the latest closed cases, far fewer than a retention period closes.</summary>
public static class ClosedCases
{
    public const string CalendarKey = "default";

    public static IClosedCasesGrain OfDay(IGrainFactory grains, DateTimeOffset closedAt)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return Day(grains, DateOnly.FromDateTime(closedAt.UtcDateTime));
    }

    public static IClosedCasesGrain Day(IGrainFactory grains, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<IClosedCasesGrain>(KeyOf(day));
    }

    public static IClosedDaysGrain Calendar(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<IClosedDaysGrain>(CalendarKey);
    }

    public static string KeyOf(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly DayOf(string key) => DateOnly.ParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
