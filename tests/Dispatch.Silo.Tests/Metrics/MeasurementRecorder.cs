using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Dispatch.Silo.Tests.Metrics;

/// <summary>One measurement as an instrument published it, tags sorted by key.</summary>
public sealed record Measurement(string Instrument, double Value, IReadOnlyList<KeyValuePair<string, string?>> Tags)
{
    public string? Tag(string key) => Tags.FirstOrDefault(t => t.Key == key).Value;
}

/// <summary>
/// Listens only to the meters one <see cref="IMeterFactory"/> made, so that silos running in the same process
/// (whose meters have the same names) cannot add to what a test sees.
/// </summary>
public sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<Measurement> measurements = new();

    public MeasurementRecorder(IMeterFactory scope)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, scope))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.Start();
    }

    public IReadOnlyList<Measurement> Of(string instrument) => [.. measurements.Where(m => m.Instrument == instrument)];

    public void Dispose() => listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var sorted = tags.ToArray().Select(t => new KeyValuePair<string, string?>(t.Key, t.Value?.ToString()))
            .OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        measurements.Enqueue(new Measurement(instrument.Name, value, sorted));
    }
}
