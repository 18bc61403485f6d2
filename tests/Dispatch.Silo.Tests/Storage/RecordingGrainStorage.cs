using Orleans.Storage;

namespace Dispatch.Silo.Tests.Storage;

/// <summary>
/// An inner storage whose writes and clears stay open until the test completes them, so a test
/// can observe what runs beside what without timing anything.
/// </summary>
internal sealed class RecordingGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly Queue<TaskCompletionSource> pending = new();
    private readonly Lock sync = new();

    public int Reads { get; private set; }

    public int Started { get; private set; }

    public int Running { get; private set; }

    public int MostRunningAtOnce { get; private set; }

    public ISiloLifecycle? ParticipatedIn { get; private set; }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (sync)
        {
            Reads++;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Hold();

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Hold();

    public void Participate(ISiloLifecycle lifecycle) => ParticipatedIn = lifecycle;

    /// <summary>Lets the oldest open write finish, or fail with <paramref name="error"/>.</summary>
    public void CompleteOldest(Exception? error = null)
    {
        TaskCompletionSource next;
        lock (sync)
        {
            next = pending.Dequeue();
            Running--;
        }

        if (error is null)
        {
            next.SetResult();
        }
        else
        {
            next.SetException(error);
        }
    }

    private async Task Hold()
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (sync)
        {
            pending.Enqueue(completion);
            Started++;
            Running++;
            MostRunningAtOnce = Math.Max(MostRunningAtOnce, Running);
        }

        await completion.Task;
    }
}
