using Dispatch.Silo.Storage;
using Orleans.Storage;

namespace Dispatch.Silo.Tests.Storage;

public sealed class SerializedWriteGrainStorageTests
{
    private static readonly GrainId Grain = GrainId.Create("test", "1");

    [Fact]
    public async Task WriteStateAsync_SecondWriteWhileFirstRuns_WaitsForFirst()
    {
        using var gate = new SqliteWriteGate();
        var inner = new RecordingGrainStorage();
        var storage = new SerializedWriteGrainStorage(inner, gate);

        var first = storage.WriteStateAsync("s", Grain, new GrainState<int>());
        var second = storage.WriteStateAsync("s", Grain, new GrainState<int>());

        Assert.Equal(1, inner.Started);
        Assert.False(second.IsCompleted);

        inner.CompleteOldest();
        await first;
        await WaitUntil(() => inner.Started == 2, second);
        inner.CompleteOldest();
        await second;

        Assert.Equal(1, inner.MostRunningAtOnce);
    }

    [Fact]
    public async Task ClearStateAsync_WhileWriteRuns_WaitsForWrite()
    {
        using var gate = new SqliteWriteGate();
        var inner = new RecordingGrainStorage();
        var storage = new SerializedWriteGrainStorage(inner, gate);

        var write = storage.WriteStateAsync("s", Grain, new GrainState<int>());
        var clear = storage.ClearStateAsync("s", Grain, new GrainState<int>());

        Assert.Equal(1, inner.Started);
        inner.CompleteOldest();
        await write;
        await WaitUntil(() => inner.Started == 2, clear);
        inner.CompleteOldest();
        await clear;
    }

    [Fact]
    public async Task WriteStateAsync_TwoStoragesOneGate_TakeTurns()
    {
        using var gate = new SqliteWriteGate();
        var innerA = new RecordingGrainStorage();
        var innerB = new RecordingGrainStorage();
        var a = new SerializedWriteGrainStorage(innerA, gate);
        var b = new SerializedWriteGrainStorage(innerB, gate);

        var first = a.WriteStateAsync("s", Grain, new GrainState<int>());
        var second = b.WriteStateAsync("s", Grain, new GrainState<int>());

        Assert.Equal(0, innerB.Started);
        innerA.CompleteOldest();
        await first;
        await WaitUntil(() => innerB.Started == 1, second);
        innerB.CompleteOldest();
        await second;
    }

    [Fact]
    public async Task ReadStateAsync_WhileWriteRuns_GoesThrough()
    {
        using var gate = new SqliteWriteGate();
        var inner = new RecordingGrainStorage();
        var storage = new SerializedWriteGrainStorage(inner, gate);

        var write = storage.WriteStateAsync("s", Grain, new GrainState<int>());
        await storage.ReadStateAsync("s", Grain, new GrainState<int>());

        Assert.Equal(1, inner.Reads);
        Assert.False(write.IsCompleted);
        inner.CompleteOldest();
        await write;
    }

    [Fact]
    public async Task WriteStateAsync_FailedWrite_FailsCallerAndFreesGate()
    {
        using var gate = new SqliteWriteGate();
        var inner = new RecordingGrainStorage();
        var storage = new SerializedWriteGrainStorage(inner, gate);

        var failing = storage.WriteStateAsync("s", Grain, new GrainState<int>());
        var next = storage.WriteStateAsync("s", Grain, new GrainState<int>());
        inner.CompleteOldest(new InconsistentStateException("conflict"));

        await Assert.ThrowsAsync<InconsistentStateException>(() => failing);
        await WaitUntil(() => inner.Started == 2, next);
        inner.CompleteOldest();
        await next;
    }

    [Fact]
    public void Participate_InnerTakesPart_ForwardsTheLifecycle()
    {
        using var gate = new SqliteWriteGate();
        var inner = new RecordingGrainStorage();
        var lifecycle = new NoStageSiloLifecycle();

        new SerializedWriteGrainStorage(inner, gate).Participate(lifecycle);

        Assert.Same(lifecycle, inner.ParticipatedIn);
    }

    // The gate hands over on a pool thread; wait for that hand-over without a clock, bounded by
    // the waiting write itself finishing early (which would be a failure to serialize).
    private static async Task WaitUntil(Func<bool> condition, Task waiting)
    {
        while (!condition())
        {
            Assert.False(waiting.IsCompleted, "the waiting operation finished before it was started");
            await Task.Yield();
        }
    }

    private sealed class NoStageSiloLifecycle : ISiloLifecycle
    {
        public int HighestCompletedStage => 0;

        public int LowestStoppedStage => 0;

        public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer) =>
            throw new NotSupportedException();
    }
}
