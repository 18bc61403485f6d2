using System.Collections.Concurrent;

namespace Dispatch.Load.Measurement;

/// <summary>Answers counted by HTTP status code; a transport failure (no answer) counts under 0.</summary>
/// <remarks>Codes below 600 are counted in a flat array with one atomic add each, being counted on every answer
/// at tens of thousands a second; anything else in a dictionary.</remarks>
public sealed class StatusCounts
{
    public const int TransportError = 0;
    private const int Flat = 600;
    private readonly long[] _flat = new long[Flat];
    private readonly ConcurrentDictionary<int, long> _other = new();

    public void Add(int status, long count = 1)
    {
        if (status is >= 0 and < Flat)
        {
            Interlocked.Add(ref _flat[status], count);
        }
        else
        {
            _other.AddOrUpdate(status, count, (_, old) => old + count);
        }
    }

    public long Total => Counts().Sum(c => c.Value);

    public long ServerErrors => Counts().Where(c => c.Key >= 500).Sum(c => c.Value);

    public long TransportErrors => Of(TransportError);

    public long Of(int status) => status is >= 0 and < Flat ? Interlocked.Read(ref _flat[status]) : _other.GetValueOrDefault(status);

    public long Where(Func<int, bool> predicate) => Counts().Where(c => predicate(c.Key)).Sum(c => c.Value);

    public void AddAll(StatusCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (status, count) in other.Counts())
        {
            Add(status, count);
        }
    }

    /// <summary>Ordered by code; the key is the code as text ("transport" for no answer) so that JSON stays readable.</summary>
    public SortedDictionary<string, long> ToReport()
    {
        var report = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (status, count) in Counts().OrderBy(c => c.Key))
        {
            report[status == TransportError ? "transport" : status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = count;
        }

        return report;
    }

    /// <summary>The codes seen, each with its count.</summary>
    private IEnumerable<KeyValuePair<int, long>> Counts()
    {
        for (var status = 0; status < Flat; status++)
        {
            var count = Interlocked.Read(ref _flat[status]);
            if (count != 0)
            {
                yield return new(status, count);
            }
        }

        foreach (var pair in _other)
        {
            yield return pair;
        }
    }
}
