using System.Globalization;

namespace Dispatch.Grains.Privacy;

/// <summary>The durable index of closed cases whose customer data awaits erasure: per UTC closing day,
/// <see cref="Buckets"/> grains (<see cref="IClosedCasesGrain"/>) by a stable hash of the incident id, and a calendar of
/// the days that hold any (<see cref="IClosedDaysGrain"/>). The incident registry keeps only the latest closed cases,
/// far fewer than a retention period closes.</summary>
/// <remarks>A busy day closes thousands of cases, and a grain rewrites its whole state on each write: split over the
/// buckets, each write carries a small part of the day.</remarks>
public static class ClosedCases
{
    public const string CalendarKey = "default";

    public const int Buckets = 32;

    /// <summary>The index grain that lists <paramref name="incidentId"/>, closed at <paramref name="closedAt"/>.</summary>
    public static IClosedCasesGrain Of(IGrainFactory grains, string incidentId, DateTimeOffset closedAt)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentException.ThrowIfNullOrEmpty(incidentId);
        return grains.GetGrain<IClosedCasesGrain>(KeyOf(DateOnly.FromDateTime(closedAt.UtcDateTime), (int)(StableHash.Of(incidentId) % Buckets)));
    }

    /// <summary>Every index grain of one closing day.</summary>
    public static IEnumerable<IClosedCasesGrain> Day(IGrainFactory grains, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return Enumerable.Range(0, Buckets).Select(b => grains.GetGrain<IClosedCasesGrain>(KeyOf(day, b)));
    }

    public static IClosedDaysGrain Calendar(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<IClosedDaysGrain>(CalendarKey);
    }

    public static string KeyOf(DateOnly day, int bucket) =>
        day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "/" + bucket.ToString(CultureInfo.InvariantCulture);

    public static DateOnly DayOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return DateOnly.ParseExact(slash < 0 ? key : key[..slash], "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
