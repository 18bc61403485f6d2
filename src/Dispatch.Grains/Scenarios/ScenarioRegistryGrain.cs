using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dispatch.Grains.Scenarios;

public sealed class ScenarioRegistryGrain(
    [PersistentState("scenarios", GrainStorage.Name)] IPersistentState<ScenarioRegistryState> state,
    IOptions<ScenarioLimits> limits,
    ILogger<ScenarioRegistryGrain> logger) : Grain, IScenarioRegistryGrain
{
    /// <summary>How many finished runs stay listed; older ones remain readable by id.</summary>
    public const int FinishedKept = 500;

    /// <summary>How often running runs are asked how they are: one whose silo died starts again on another within this.</summary>
    public static readonly TimeSpan CheckPeriod = TimeSpan.FromSeconds(15);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Kept alive: while runs are queued or running, someone must notice a run whose silo went away.
        this.RegisterGrainTimer(CheckAsync, new GrainTimerCreationOptions(CheckPeriod, CheckPeriod) { KeepAlive = true });

        // After a restart: runs that held a slot start again from the beginning, then queued ones fill free slots.
        Start(Running().Select(r => r.Id));
        await PumpAsync();
    }

    public async Task EnqueueAsync(ScenarioSummary run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (state.State.Runs.Exists(r => r.Id == run.Id))
        {
            return;
        }

        await UpdateAsync(s =>
        {
            s.Runs.Add(run with { Status = ScenarioStatus.Queued });
            Trim(s.Runs);
        });
        await PumpAsync();
    }

    public async Task ReportAsync(ScenarioSummary run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var index = state.State.Runs.FindIndex(r => r.Id == run.Id);
        if (index < 0)
        {
            return;
        }

        var known = state.State.Runs[index];
        // A final status is final, and a granted slot is not taken back by a report that crossed the grant.
        if (ScenarioStatus.IsTerminal(known.Status)
            || (known.Status == ScenarioStatus.Running && run.Status == ScenarioStatus.Queued)
            || known with { Progress = 0 } == run with { Progress = 0 })
        {
            return;
        }

        await UpdateAsync(s => s.Runs[index] = run);
        if (ScenarioStatus.IsTerminal(run.Status))
        {
            await PumpAsync();
        }
    }

    public Task<ImmutableArray<ScenarioSummary>> ListAsync() =>
        Task.FromResult(state.State.Runs.AsEnumerable().Reverse().ToImmutableArray());

    public Task ResumeAsync() => Task.CompletedTask;

    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        Start(Running().Select(r => r.Id));
        await PumpAsync();
    }

    /// <summary>Grants free slots to queued runs, oldest first, skipping those whose key is at its limit.</summary>
    private async Task PumpAsync()
    {
        var maxRunning = limits.Value.MaxRunning;
        var maxPerKey = limits.Value.MaxRunningPerKey;
        var running = Running().ToList();
        var perKey = running.GroupBy(r => r.OwnerKeyId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var granted = new List<string>();
        foreach (var run in state.State.Runs.Where(r => r.Status == ScenarioStatus.Queued))
        {
            if (running.Count + granted.Count >= maxRunning)
            {
                break;
            }

            var ofKey = perKey.GetValueOrDefault(run.OwnerKeyId);
            if (ofKey < maxPerKey)
            {
                perKey[run.OwnerKeyId] = ofKey + 1;
                granted.Add(run.Id);
            }
        }

        if (granted.Count == 0)
        {
            return;
        }

        // The slot is recorded before the run hears of it, so a restart in between starts the run rather than lose it.
        await UpdateAsync(s =>
        {
            for (var i = 0; i < s.Runs.Count; i++)
            {
                if (granted.Contains(s.Runs[i].Id))
                {
                    s.Runs[i] = s.Runs[i] with { Status = ScenarioStatus.Running };
                }
            }
        });
        Start(granted);
    }

    // Not awaited in the registry's turn: a run that is calling the registry (to say it ended) must not wait for a
    // registry that waits for it. What each run answers comes back as a report, through the grain's own queue.
    private void Start(IEnumerable<string> ids)
    {
        foreach (var id in ids.ToList())
        {
            _ = StartOneAsync(id);
        }
    }

    private async Task StartOneAsync(string id)
    {
        try
        {
            var started = await GrainFactory.GetGrain<IScenarioGrain>(id).StartAsync();
            var report = started ?? Missing(id);
            if (report is not null)
            {
                await this.AsReference<IScenarioRegistryGrain>().ReportAsync(report);
            }
        }
        catch (Exception e)
        {
            // The next check tries again.
            logger.StartFailed(e, id);
        }
    }

    // Listed but never stored: nothing can run it, so its slot goes back.
    private ScenarioSummary? Missing(string id) =>
        state.State.Runs.Find(r => r.Id == id) is { } known
            ? known with { Status = ScenarioStatus.Failed, Error = "The run's record is missing; submit it again." }
            : null;

    private IEnumerable<ScenarioSummary> Running() => state.State.Runs.Where(r => r.Status == ScenarioStatus.Running);

    private static void Trim(List<ScenarioSummary> runs)
    {
        var finished = runs.Count(r => ScenarioStatus.IsTerminal(r.Status));
        for (var i = 0; i < runs.Count && finished > FinishedKept;)
        {
            if (ScenarioStatus.IsTerminal(runs[i].Status))
            {
                runs.RemoveAt(i);
                finished--;
            }
            else
            {
                i++;
            }
        }
    }

    private Task UpdateAsync(Action<ScenarioRegistryState> change) => state.UpdateAsync(s => s.Clone(), change, GrainContext);
}
