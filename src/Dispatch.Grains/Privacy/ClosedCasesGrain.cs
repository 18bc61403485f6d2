using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Dispatch.Grains.Privacy;

/// <summary>One bucket of one closing day of the erasure index. It calls only the calendar, which calls nobody, so a
/// case closing while the sweep erases others can never wait on the sweep in a cycle.</summary>
/// <remarks>Reentrant so that cases closing at the same time share one write (<see cref="GatheredWrites{T}"/>); removals
/// go through the same writes, so no two writes of the state are ever in flight together.</remarks>
[Reentrant]
public sealed class ClosedCasesGrain(
    [PersistentState("closedcases", GrainStorage.Name)] IPersistentState<ClosedCasesState> state) : Grain, IClosedCasesGrain
{
    private GatheredWrites<Action<ClosedCasesState>>? writes;

    private DateOnly Day => ClosedCases.DayOf(this.GetPrimaryKeyString());

    private GatheredWrites<Action<ClosedCasesState>> Writes => writes ??= new(WriteAsync);

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

        await Writes.AddAsync(s =>
        {
            s.Cases[incidentId] = closedAt;
            s.InCalendar = true;
        });
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
        if (incidentIds.Any(state.State.Cases.ContainsKey))
        {
            await Writes.AddAsync(s =>
            {
                foreach (var id in incidentIds)
                {
                    s.Cases.Remove(id);
                }
            });
        }

        return state.State.Cases.Count;
    }

    private async Task WriteAsync(IReadOnlyList<Action<ClosedCasesState>> changes)
    {
        var after = state.State.Clone();
        foreach (var change in changes)
        {
            change(after);
        }

        if (after.Cases.Count > 0)
        {
            await state.UpdateAsync(_ => after, _ => { }, GrainContext);
            return;
        }

        // Nothing is left to keep: the row goes (the sweep then removes the day from the calendar).
        await state.ClearStateAsync();
        state.State = new ClosedCasesState();
    }
}
