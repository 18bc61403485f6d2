using Orleans.Storage;

namespace Dispatch.Silo.Storage;

/// <summary>
/// Grain storage whose writes and clears take turns through a <see cref="SqliteWriteGate"/>;
/// reads go straight through, since WAL lets them run beside the writer.
/// </summary>
public sealed class SerializedWriteGrainStorage(IGrainStorage inner, SqliteWriteGate gate)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public IGrainStorage Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        gate.RunAsync(() => Inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        gate.RunAsync(() => Inner.ClearStateAsync(stateName, grainId, grainState));

    // The silo lifecycle finds storages through this registration; the inner one initializes
    // (connects and loads its queries) only if its participation is passed on.
    public void Participate(ISiloLifecycle lifecycle)
    {
        if (Inner is ILifecycleParticipant<ISiloLifecycle> participant)
        {
            participant.Participate(lifecycle);
        }
    }
}
