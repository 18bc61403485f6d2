using System.Diagnostics;
using Dispatch.Silo.Metrics;
using Orleans.Storage;

namespace Dispatch.Silo.Storage;

/// <summary>
/// Grain storage that times every read, write and clear into <see cref="OperationsMetrics"/>
/// (<c>dispatch_storage_duration_seconds</c>), whichever provider is underneath. Outermost, so that waiting for the
/// SQLite write gate counts too: that wait is part of what a dispatch pays.
/// </summary>
public sealed class TimedGrainStorage(IGrainStorage inner, OperationsMetrics metrics)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public IGrainStorage Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        TimeAsync("read", () => Inner.ReadStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        TimeAsync("write", () => Inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        TimeAsync("clear", () => Inner.ClearStateAsync(stateName, grainId, grainState));

    // The silo lifecycle finds storages through this registration; the inner one initializes only if it is passed on.
    public void Participate(ISiloLifecycle lifecycle)
    {
        if (Inner is ILifecycleParticipant<ISiloLifecycle> participant)
        {
            participant.Participate(lifecycle);
        }
    }

    private async Task TimeAsync(string operation, Func<Task> run)
    {
        var started = Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            await run();
            succeeded = true;
        }
        finally
        {
            metrics.RecordStorage(operation, succeeded, Stopwatch.GetElapsedTime(started));
        }
    }
}
