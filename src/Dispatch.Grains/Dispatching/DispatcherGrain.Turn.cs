using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Dispatching;

/// <summary>The dispatcher's turn: one write or read at a time, as in a non-reentrant grain, and the holds whose center
/// is storing them while the turn has gone on to the next decision.</summary>
public sealed partial class DispatcherGrain
{
    // Continuations run on the activation's scheduler like every turn of the grain, so the fields below need no lock;
    // this semaphore only says whose turn it is.
    private readonly SemaphoreSlim turn = new(1, 1);

    /// <summary>Holds in the index whose center call has not answered yet, by incident: a center read meanwhile does
    /// not know of them, and must not free their units in the index.</summary>
    private readonly Dictionary<string, DispatchOption> inFlight = new(StringComparer.Ordinal);

    /// <summary>Runs <paramref name="work"/> in the dispatcher's turn.</summary>
    private async Task<T> ExclusiveAsync<T>(Func<Task<T>> work)
    {
        await turn.WaitAsync();
        try
        {
            return await work();
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>Awaits <paramref name="call"/> with the turn given to others meanwhile, and takes it back before
    /// returning; the index holds <paramref name="option"/> for <paramref name="incidentId"/> all along.</summary>
    private async Task<T> OutsideTurnAsync<T>(string incidentId, DispatchOption option, Task<T> call)
    {
        inFlight[incidentId] = option;
        try
        {
            return await OutsideTurnAsync(call);
        }
        finally
        {
            // The turn is taken back by then.
            inFlight.Remove(incidentId);
        }
    }

    /// <summary>Awaits <paramref name="call"/> with the turn given to others meanwhile, and takes it back before returning.</summary>
    private async Task<T> OutsideTurnAsync<T>(Task<T> call)
    {
        turn.Release();
        try
        {
            return await call;
        }
        finally
        {
            await turn.WaitAsync();
        }
    }

    /// <summary>After a center's state was applied to the index: the holds still in flight there stay held, unless the
    /// center already shows them.</summary>
    private void KeepInFlightHolds(Centers.CenterSnapshot snapshot)
    {
        foreach (var (incidentId, option) in inFlight)
        {
            if (option.CenterId != snapshot.CenterId || snapshot.Reservations.Any(r => r.IncidentId == incidentId)
                || !engine!.HasResource(option.ResourceId))
            {
                continue;
            }

            Hold(option);
        }
    }
}
