using Dispatch.Grains;
using Dispatch.Grains.Storage;
using Dispatch.Silo.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;

namespace Dispatch.Silo.Tests.Harness;

/// <summary>Storage checks shared by the SQLite and PostgreSQL test classes.</summary>
internal static class StorageScenarios
{
    public const int Grains = 16;
    public const int WritesPerGrain = 16;

    /// <summary>
    /// Many grains write at once (the writes of one grain are serialized by Orleans, those of
    /// different grains race in the database); afterwards storage holds every update.
    /// </summary>
    public static async Task ConcurrentWrites_NoFailureNoLostUpdate(SiloHarness silo, long firstGrainId)
    {
        var calls = new List<Task<int>>();
        for (var round = 0; round < WritesPerGrain; round++)
        {
            for (var g = 0; g < Grains; g++)
            {
                calls.Add(silo.Grains.GetGrain<ICounterTestGrain>(firstGrainId + g).IncrementAsync());
            }
        }

        var results = await Task.WhenAll(calls);
        Assert.Equal(Grains * WritesPerGrain, results.Length);

        for (var g = 0; g < Grains; g++)
        {
            Assert.Equal(WritesPerGrain, await silo.Grains.GetGrain<ICounterTestGrain>(firstGrainId + g).ReadStoredAsync());
        }
    }

    public static async Task AssertCountsAsync(SiloHarness silo, long firstGrainId, int expected)
    {
        for (var g = 0; g < Grains; g++)
        {
            Assert.Equal(expected, await silo.Grains.GetGrain<ICounterTestGrain>(firstGrainId + g).ReadStoredAsync());
        }
    }

    /// <summary>The storage's ETag contract, straight against the provider: a stale or duplicate first write fails.</summary>
    public static async Task StaleWrites_ThrowInconsistentState(SiloHarness silo)
    {
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);
        var grainId = GrainId.Create("etag-test", Guid.NewGuid().ToString("N"));
        const string stateName = "counter";

        var first = new GrainState<CounterTestState>(new CounterTestState { Count = 1 });
        await storage.WriteStateAsync(stateName, grainId, first);
        Assert.False(string.IsNullOrEmpty(first.ETag));
        var firstEtag = first.ETag;

        // A second activation that believes the grain has no state yet.
        var rival = new GrainState<CounterTestState>(new CounterTestState { Count = 100 });
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(stateName, grainId, rival));

        first.State!.Count = 2;
        await storage.WriteStateAsync(stateName, grainId, first);
        Assert.NotEqual(firstEtag, first.ETag);

        var stale = new GrainState<CounterTestState>(new CounterTestState { Count = 200 }) { ETag = firstEtag };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(stateName, grainId, stale));

        var read = new GrainState<CounterTestState>(new CounterTestState());
        await storage.ReadStateAsync(stateName, grainId, read);
        Assert.Equal(2, read.State!.Count);
        Assert.Equal(first.ETag, read.ETag);
        Assert.True(read.RecordExists);

        await storage.ClearStateAsync(stateName, grainId, first);
        var cleared = new GrainState<CounterTestState>(new CounterTestState());
        await storage.ReadStateAsync(stateName, grainId, cleared);
        Assert.Equal(0, cleared.State!.Count);
        Assert.Equal(first.ETag, cleared.ETag);

        // Clearing with an old ETag conflicts too.
        var staleClear = new GrainState<CounterTestState>(new CounterTestState()) { ETag = firstEtag, RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(stateName, grainId, staleClear));
    }
}
