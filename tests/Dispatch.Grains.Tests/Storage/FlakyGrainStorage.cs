using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace Dispatch.Grains.Tests.Storage;

/// <summary>Grain storage kept in memory as serialized bytes (so a grain never shares objects with its stored
/// copy), with ETag checks like a real store, that can be told to fail its next write.</summary>
public sealed class FlakyGrainStorage(Serializer serializer) : IGrainStorage
{
    public const string FailureMessage = "simulated storage outage";

    private readonly ConcurrentDictionary<(string State, GrainId Grain), Record> records = new();
    private readonly ConcurrentDictionary<GrainId, int> reads = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> heldWrites = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> failingGrains = new(StringComparer.Ordinal);
    private int failNextWrite;
    private long version;

    /// <summary>The next write, by any grain, throws an <see cref="IOException"/> and stores nothing.</summary>
    public void FailNextWrite() => Interlocked.Exchange(ref failNextWrite, 1);

    /// <summary>The next write of state <paramref name="stateName"/> of the grain keyed <paramref name="grainKey"/>
    /// throws an <see cref="IOException"/> and stores nothing; the others go on.</summary>
    public void FailNextWriteOf(string stateName, string grainKey) => failingGrains[stateName + "|" + grainKey] = true;

    /// <summary>Whether the failure set by <see cref="FailNextWriteOf"/> is still waiting for that grain's write.</summary>
    public bool FailurePending(string stateName, string grainKey) => failingGrains.ContainsKey(stateName + "|" + grainKey);

    /// <summary>Writes of the grain keyed <paramref name="grainKey"/> wait until the answer is completed (as a slow
    /// commit would); the others go on.</summary>
    public TaskCompletionSource HoldWritesOf(string grainKey)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        heldWrites[grainKey] = gate;
        return gate;
    }

    /// <summary>How many times a grain read its state: once per activation.</summary>
    public int ReadCount(GrainId grain) => reads.GetValueOrDefault(grain);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        reads.AddOrUpdate(grainId, 1, (_, n) => n + 1);
        if (records.TryGetValue((stateName, grainId), out var record))
        {
            grainState.State = serializer.Deserialize<T>(record.Bytes);
            grainState.ETag = record.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (heldWrites.TryGetValue(grainId.Key.ToString()!, out var gate))
        {
            await gate.Task;
        }

        if (Interlocked.Exchange(ref failNextWrite, 0) == 1 || failingGrains.TryRemove(stateName + "|" + grainId.Key, out _))
        {
            throw new IOException(FailureMessage);
        }

        var key = (stateName, grainId);
        var stored = records.GetValueOrDefault(key);
        if (stored?.ETag != grainState.ETag)
        {
            throw new InconsistentStateException("ETag mismatch", stored?.ETag, grainState.ETag);
        }

        var record = new Record(serializer.SerializeToArray(grainState.State), Interlocked.Increment(ref version).ToString());
        records[key] = record;
        grainState.ETag = record.ETag;
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        records.TryRemove((stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private sealed record Record(byte[] Bytes, string ETag);
}
