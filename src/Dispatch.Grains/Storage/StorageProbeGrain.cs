using Orleans.Placement;

namespace Dispatch.Grains.Storage;

/// <summary>Reads its (empty) state from storage on every probe; placed locally so each silo checks its own path.</summary>
[PreferLocalPlacement]
public sealed class StorageProbeGrain(
    [PersistentState("probe", GrainStorage.Name)] IPersistentState<StorageProbeState> state)
    : Grain, IStorageProbeGrain
{
    public async Task<string?> ProbeAsync()
    {
        await state.ReadStateAsync();
        return state.Etag;
    }
}

/// <summary>Never written: the probe only reads, so the state needs no members.</summary>
[GenerateSerializer]
public sealed class StorageProbeState;
