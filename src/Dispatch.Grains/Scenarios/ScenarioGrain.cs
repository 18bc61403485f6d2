using System.Text.Json;
using Dispatch.Grains.Incidents;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Simulation;
using Microsoft.Extensions.Logging;

namespace Dispatch.Grains.Scenarios;

/// <summary>Placed on the silos in turn, so several runs spread over the cluster; each computes on its silo's
/// dedicated scenario threads (<see cref="ScenarioWorkers"/>), never on the threads of live grain turns.</summary>
[SpreadPlacement]
public sealed class ScenarioGrain(
    [PersistentState("scenario", GrainStorage.Name)] IPersistentState<ScenarioState> state,
    TimeProvider time,
    ScenarioWorkers workers,
    ScenarioMetrics metrics,
    ILogger<ScenarioGrain> logger) : Grain, IScenarioGrain, IDisposable
{
    private readonly ProgressCell progress = new();
    private CancellationTokenSource? cancellation;
    private IGrainTimer? keepAlive;
    private Task? run;
    private bool cancelRequested;
    private bool stopping;

    private string Id => this.GetPrimaryKeyString();

    private IScenarioRegistryGrain Registry => GrainFactory.GetGrain<IScenarioRegistryGrain>(IncidentGrain.Network);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Stored as running with no computation here: the silo that ran it stopped. The run still holds its slot at
        // the registry, so it starts again from the beginning (the same inputs give the same answer).
        if (state.State.Exists && state.State.Status == ScenarioStatus.Running)
        {
            logger.RunInterrupted(Id);
            BeginRun();
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (run is { } running)
        {
            // Stopping is not cancelling: the run stays 'running' in storage and starts again on the next activation.
            stopping = true;
            await cancellation!.CancelAsync();
            await running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }
    }

    public async Task<ScenarioSummary> SubmitAsync(ScenarioSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (state.State.Exists)
        {
            return Summary();
        }

        await UpdateAsync(s =>
        {
            s.Name = submission.Name;
            s.OwnerKeyId = submission.OwnerKeyId;
            s.RequestJson = submission.RequestJson;
            s.Status = ScenarioStatus.Queued;
            s.CreatedAt = time.GetUtcNow();
        });
        try
        {
            await Registry.EnqueueAsync(Summary());
        }
        catch (Exception e)
        {
            // Not listed means never given a slot: say so rather than stay queued for ever.
            logger.QueueFailed(e, Id);
            await FinishAsync(ScenarioStatus.Failed, null, "The run could not be queued; submit it again.", report: false);
            throw;
        }

        return Summary();
    }

    public async Task<ScenarioSummary?> StartAsync()
    {
        if (!state.State.Exists)
        {
            return null;
        }

        if (state.State.Status == ScenarioStatus.Queued)
        {
            await UpdateAsync(s =>
            {
                s.Status = ScenarioStatus.Running;
                s.StartedAt = time.GetUtcNow();
            });
        }

        if (state.State.Status == ScenarioStatus.Running && run is null)
        {
            BeginRun();
        }

        return Summary();
    }

    public Task<ScenarioView?> GetAsync() => Task.FromResult(state.State.Exists ? View() : null);

    public Task<ScenarioSummary?> GetSummaryAsync() => Task.FromResult(state.State.Exists ? Summary() : null);

    public async Task<CancelResult> CancelAsync()
    {
        if (!state.State.Exists)
        {
            return new CancelResult(CancelOutcome.NotFound, null);
        }

        if (run is { } running)
        {
            cancelRequested = true;
            await cancellation!.CancelAsync();
            // The run writes its own end; waiting for it means the answer comes when the computation has stopped.
            await running;
        }
        else if (state.State.Status is ScenarioStatus.Queued or ScenarioStatus.Running)
        {
            await FinishAsync(ScenarioStatus.Cancelled, null, null, report: true);
        }

        return new CancelResult(
            state.State.Status == ScenarioStatus.Cancelled ? CancelOutcome.Cancelled : CancelOutcome.AlreadyFinished,
            View());
    }

    private void BeginRun()
    {
        cancelRequested = false;
        stopping = false;
        progress.Report(0);
        cancellation = new CancellationTokenSource();

        // A long run gets no calls for minutes; without this the runtime would collect the activation as idle.
        keepAlive = this.RegisterGrainTimer(
            static () => Task.CompletedTask,
            new GrainTimerCreationOptions(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)) { KeepAlive = true });
        run = RunAsync(state.State.RequestJson!, cancellation.Token);
    }

    // Continuations after the awaits come back to this activation, one at a time with its calls.
    private async Task RunAsync(string requestJson, CancellationToken cancellationToken)
    {
        ScenarioOutcome? outcome = null;
        string? error = null;
        try
        {
            // The CPU work leaves the grain's turn (reads of progress and cancel answer meanwhile) and the thread pool
            // (live turns and HTTP requests keep theirs); pauses between chunks change nothing the run computes.
            outcome = await workers.RunAsync(
                pacer => Simulate(requestJson, new PacedProgress(progress, pacer), cancellationToken),
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.RunFailed(e, Id);
            error = "The simulation failed: " + e.Message;
        }

        try
        {
            if (stopping)
            {
                return;
            }

            var status = cancelRequested ? ScenarioStatus.Cancelled : outcome is not null ? ScenarioStatus.Completed : ScenarioStatus.Failed;
            await FinishAsync(status, status == ScenarioStatus.Completed ? outcome : null, status == ScenarioStatus.Failed ? error : null, report: true);
        }
        catch (Exception e)
        {
            // The write failed and the activation is going; the next one finds the run 'running' and runs it again.
            logger.EndNotRecorded(e, Id);
        }
        finally
        {
            keepAlive?.Dispose();
            keepAlive = null;
            cancellation?.Dispose();
            cancellation = null;
            run = null;
        }
    }

    private static ScenarioOutcome Simulate(string requestJson, IProgress<double> progress, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize<ScenarioRequest>(requestJson, DocumentJson.Options)
            ?? throw new InvalidOperationException("the stored request is empty");
        if (request.Base?.Document is null)
        {
            throw new InvalidOperationException("the stored request has no base network");
        }

        var prepared = ScenarioRunner.Prepare(request, liveNetwork: null);
        if (!prepared.IsValid)
        {
            throw new InvalidOperationException("the stored request is no longer valid: " +
                string.Join("; ", prepared.Errors.Take(3).Select(e => $"{e.Path}: {e.Message}")));
        }

        return ScenarioRunner.Run(prepared.Scenario, progress, cancellationToken);
    }

    private async Task FinishAsync(string status, ScenarioOutcome? outcome, string? error, bool report)
    {
        var finalProgress = status == ScenarioStatus.Completed ? 1 : progress.Value;
        // Counted before the state says so: a reader who sees the run finished must find it in the metrics too.
        metrics.RecordRun(status);
        await UpdateAsync(s =>
        {
            s.Status = status;
            s.FinishedAt = time.GetUtcNow();
            s.Progress = finalProgress;
            s.Outcome = outcome;
            s.Error = error;
        });
        if (report)
        {
            try
            {
                await Registry.ReportAsync(Summary());
            }
            catch (Exception e)
            {
                // The registry asks running runs how they are from time to time and will learn it then.
                logger.RegistryNotTold(e, Id, status);
            }
        }
    }

    private Task UpdateAsync(Action<ScenarioState> change) => state.UpdateAsync(s => s.Clone(), change, GrainContext);

    private ScenarioSummary Summary()
    {
        var s = state.State;
        var current = s.Status switch
        {
            ScenarioStatus.Queued => 0,
            ScenarioStatus.Running => run is null ? 0 : progress.Value,
            _ => s.Progress,
        };
        return new ScenarioSummary(Id, s.Name, s.OwnerKeyId, s.Status, current, s.CreatedAt, s.StartedAt, s.FinishedAt, s.Error);
    }

    private ScenarioView View() => new(Summary(), state.State.Outcome);

    public void Dispose()
    {
        keepAlive?.Dispose();
        cancellation?.Dispose();
    }

    /// <summary>Reports progress and, at the same points between chunks of calls, lets the pacer pause.</summary>
    private sealed class PacedProgress(IProgress<double> inner, ScenarioWorkers.Pacer pacer) : IProgress<double>
    {
        public void Report(double value)
        {
            pacer.Checkpoint();
            inner.Report(value);
        }
    }

    /// <summary>Progress written by the simulation's thread and read by the grain's calls without a lock.</summary>
    private sealed class ProgressCell : IProgress<double>
    {
        private double value;

        public double Value => Volatile.Read(ref value);

        public void Report(double progress)
        {
            var clamped = double.IsFinite(progress) ? Math.Clamp(progress, 0, 1) : 0;
            Volatile.Write(ref value, clamped);
        }
    }
}
