using System.Collections.Immutable;

namespace Dispatch.Grains.Privacy;

/// <summary>The calendar of the erasure index. It calls no grain (see <see cref="ClosedCasesGrain"/>).</summary>
public sealed class ClosedDaysGrain(
    [PersistentState("closeddays", GrainStorage.Name)] IPersistentState<ClosedDaysState> state) : Grain, IClosedDaysGrain
{
    public Task AddDayAsync(DateOnly day) =>
        state.State.Days.Contains(day) ? Task.CompletedTask : state.UpdateAsync(s => s.Clone(), s => s.Days.Add(day), GrainContext);

    public Task RemoveDayAsync(DateOnly day) =>
        state.State.Days.Contains(day) ? state.UpdateAsync(s => s.Clone(), s => s.Days.Remove(day), GrainContext) : Task.CompletedTask;

    public Task<ImmutableArray<DateOnly>> ListAsync(DateOnly last) =>
        Task.FromResult(state.State.Days.GetViewBetween(DateOnly.MinValue, last).ToImmutableArray());
}
