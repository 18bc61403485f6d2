using System.Data.Common;
using Dispatch.Grains.Storage;
using Orleans.Storage;

namespace Dispatch.Silo.Storage;

/// <summary>Grain storage whose database failures come out as <see cref="StorageUnavailableException"/>: the driver's
/// exceptions (Npgsql's, SQLite's) have no Orleans codec, so a failure on one silo would reach the caller on another as
/// a codec error, and the API could not tell it from a bug. The message keeps the driver's type and SQL state only.</summary>
public sealed class FaultTranslatingGrainStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public IGrainStorage Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        TranslateAsync(() => Inner.ReadStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        TranslateAsync(() => Inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        TranslateAsync(() => Inner.ClearStateAsync(stateName, grainId, grainState));

    public void Participate(ISiloLifecycle lifecycle)
    {
        if (Inner is ILifecycleParticipant<ISiloLifecycle> participant)
        {
            participant.Participate(lifecycle);
        }
    }

    private static async Task TranslateAsync(Func<Task> operation)
    {
        try
        {
            await operation();
        }
        catch (Exception error) when (error is not OrleansException && FindDbError(error) is { } db)
        {
            throw new StorageUnavailableException($"grain storage failed: {db.GetType().FullName}{(db.SqlState is { } state ? " (SQL state " + state + ")" : string.Empty)}");
        }
    }

    private static DbException? FindDbError(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is DbException db)
            {
                return db;
            }
        }

        return null;
    }
}
