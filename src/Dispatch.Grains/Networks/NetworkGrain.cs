namespace Dispatch.Grains.Networks;

public sealed class NetworkGrain(
    [PersistentState("network", GrainStorage.Name)] IPersistentState<NetworkState> state) : Grain, INetworkGrain
{
    public Task<NetworkState> GetAsync() => Task.FromResult(new NetworkState { Version = state.State.Version, DocumentJson = state.State.DocumentJson });

    public async Task<long> SetAsync(string documentJson)
    {
        await state.UpdateAsync(
            s => new NetworkState { Version = s.Version, DocumentJson = s.DocumentJson },
            s =>
            {
                s.Version++;
                s.DocumentJson = documentJson;
            },
            GrainContext);
        return state.State.Version;
    }
}
