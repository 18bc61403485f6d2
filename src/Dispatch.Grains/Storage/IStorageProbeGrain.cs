namespace Dispatch.Grains.Storage;

/// <summary>
/// A tiny persistent grain the readiness check reads back from storage: if that round trip
/// works, the silo can reach its grain storage.
/// </summary>
public interface IStorageProbeGrain : IGrainWithStringKey
{
    /// <summary>Reloads the probe's state from storage and returns its version tag.</summary>
    Task<string?> ProbeAsync();
}
