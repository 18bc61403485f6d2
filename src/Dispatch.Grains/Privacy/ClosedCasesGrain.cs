using System.Collections.Immutable;

namespace Dispatch.Grains.Privacy;

/// <summary>One closing day of the erasure index. It calls only the calendar, which calls nobody, so a case
/// closing while the sweep erases others can never wait on the sweep in a cycle.</summary>
public sealed class ClosedCasesGrain(
    [PersistentState("closedcases", GrainStorage.Name)] IPersistentState<ClosedCasesState> state) : Grain, IClosedCasesGrain
{
    private DateOnly Day => ClosedCases.DayOf(this.GetPrimaryKeyString());

    public async Task AddAsync(string incidentId, DateTimeOffset closedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(incidentId);
        if (state.State.Cases.ContainsKey(incidentId))
        {
            return;
        }

        // The calendar first: a listed case in a day the sweep does not know of would never be erased.
        if (!state.State.InCalendar)
        {
            await ClosedCases.Calendar(GrainFactory).AddDayAsync(Day);
        }

        await state.UpdateAsync(s => s.Clone(), s =>
        {
            s.Cases[incidentId] = closedAt;
            s.InCalendar = true;
        }, GrainContext);
    }

    public Task<ImmutableArray<string>> DueAsync(DateTimeOffset cutoff, int max) =>
        Task.FromResult(state.State.Cases
            .Where(c => c.Value <= cutoff)
            .OrderBy(c => c.Value)
            .Take(max)
            .Select(c => c.Key)
            .ToImmutableArray());

    public async Task<int> RemoveAsync(ImmutableArray<string> incidentIds)
    {
        if (!incidentIds.Any(state.State.Cases.ContainsKey))
        {
            return state.State.Cases.Count;
        }

        var left = state.State.Cases.Count - incidentIds.Distinct(StringComparer.Ordinal).Count(state.State.Cases.ContainsKey);
        if (left == 0)
        {
            // Nothing is left to keep; the calendar entry goes after this (the sweep removes it).
            await state.ClearStateAsync();
            state.State = new ClosedCasesState();
            return 0;
        }

        await state.UpdateAsync(s => s.Clone(), s =>
        {
            foreach (var id in incidentIds)
            {
                s.Cases.Remove(id);
            }
        }, GrainContext);
        return left;
    }
}
