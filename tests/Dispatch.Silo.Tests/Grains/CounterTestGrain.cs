using Dispatch.Grains;
using Dispatch.Grains.Storage;
using Orleans.Runtime;

namespace Dispatch.Silo.Tests.Grains;

public sealed class CounterTestGrain(
    [PersistentState("counter", GrainStorage.Name)] IPersistentState<CounterTestState> state)
    : Grain, ICounterTestGrain
{
    public async Task<int> IncrementAsync()
    {
        state.State.Count++;
        await state.WriteStateAsync();
        return state.State.Count;
    }

    public async Task<int> ReadStoredAsync()
    {
        await state.ReadStateAsync();
        return state.State.Count;
    }

    public Task<string> GetSiloAsync() => Task.FromResult(RuntimeIdentity);
}

[GenerateSerializer]
public sealed class CounterTestState
{
    [Id(0)] public int Count { get; set; }
}
