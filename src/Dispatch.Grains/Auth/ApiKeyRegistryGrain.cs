namespace Dispatch.Grains.Auth;

public sealed class ApiKeyRegistryGrain(
    [PersistentState("apiKeys", GrainStorage.Name)] IPersistentState<ApiKeyRegistryState> state)
    : Grain, IApiKeyRegistryGrain
{
    public Task<IReadOnlyList<ApiKeyRecord>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ApiKeyRecord>>([.. state.State.Keys]);

    public async Task<bool> AddAsync(ApiKeyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (state.State.Keys.Exists(k => k.Id == record.Id || k.KeyHash == record.KeyHash))
        {
            return false;
        }

        await SaveAsync(keys => keys.Add(record));
        return true;
    }

    public async Task<bool> AddIfEmptyAsync(ApiKeyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (state.State.Keys.Count > 0)
        {
            return false;
        }

        await SaveAsync(keys => keys.Add(record));
        return true;
    }

    public async Task<bool> RemoveAsync(string id)
    {
        var index = state.State.Keys.FindIndex(k => k.Id == id);
        if (index < 0)
        {
            return false;
        }

        await SaveAsync(keys => keys.RemoveAt(index));
        return true;
    }

    public Task<long> GetRevisionAsync() => Task.FromResult(state.State.Revision);

    // Apply to a copy and commit only after the write succeeded, so a failed write leaves the
    // in-memory state equal to what storage holds.
    private async Task SaveAsync(Action<List<ApiKeyRecord>> change)
    {
        var previous = state.State;
        var next = new ApiKeyRegistryState { Keys = [.. previous.Keys], Revision = previous.Revision + 1 };
        change(next.Keys);
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = previous;
            throw;
        }
    }
}

[GenerateSerializer]
public sealed class ApiKeyRegistryState
{
    [Id(0)] public List<ApiKeyRecord> Keys { get; set; } = [];
    [Id(1)] public long Revision { get; set; }
}
