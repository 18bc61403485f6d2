namespace Dispatch.Grains;

internal static class PersistentStateExtensions
{
    /// <summary>Applies a change to a copy of the state and writes it; if the write fails the grain keeps the
    /// state storage has, never one ahead of it, and deactivates so the next call reloads from storage.</summary>
    public static async Task UpdateAsync<T>(this IPersistentState<T> state, Func<T, T> copy, Action<T> change, IGrainContext grain)
    {
        var before = state.State;
        var after = copy(before);
        change(after);
        state.State = after;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = before;
            grain.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationError, "grain state write failed"));
            throw;
        }
    }
}
