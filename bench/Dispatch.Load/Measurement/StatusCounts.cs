using System.Collections.Concurrent;

namespace Dispatch.Load.Measurement;

/// <summary>Answers counted by HTTP status code; a transport failure (no answer) counts under 0.</summary>
public sealed class StatusCounts
{
    public const int TransportError = 0;
    private readonly ConcurrentDictionary<int, long> _counts = new();

    public void Add(int status, long count = 1) => _counts.AddOrUpdate(status, count, (_, old) => old + count);

    public long Total => _counts.Values.Sum();

    public long ServerErrors => _counts.Where(c => c.Key >= 500).Sum(c => c.Value);

    public long TransportErrors => _counts.GetValueOrDefault(TransportError);

    public long Of(int status) => _counts.GetValueOrDefault(status);

    public long Where(Func<int, bool> predicate) => _counts.Where(c => predicate(c.Key)).Sum(c => c.Value);

    public void AddAll(StatusCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (status, count) in other._counts)
        {
            Add(status, count);
        }
    }

    /// <summary>Ordered by code; the key is the code as text ("transport" for no answer) so that JSON stays readable.</summary>
    public SortedDictionary<string, long> ToReport()
    {
        var report = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (status, count) in _counts.OrderBy(c => c.Key))
        {
            report[status == TransportError ? "transport" : status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = count;
        }

        return report;
    }
}
