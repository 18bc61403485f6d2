namespace Dispatch.Grains.Scenarios;

/// <summary>One what-if run (key: the scenario id): its request, status, progress and results. It computes on its
/// own copy of the network, off its turn, and never touches live state.</summary>
public interface IScenarioGrain : IGrainWithStringKey
{
    /// <summary>Stores the run as queued and hands it to the registry; answers the stored run when it exists already.</summary>
    Task<ScenarioSummary> SubmitAsync(ScenarioSubmission submission);

    /// <summary>Called by the registry when the run has a slot. Idempotent: a run that is running already keeps
    /// going, one whose silo stopped starts again from the beginning, a finished one says so. Null: no such run.</summary>
    Task<ScenarioSummary?> StartAsync();

    Task<ScenarioView?> GetAsync();

    /// <summary>The run without its results, for listings.</summary>
    Task<ScenarioSummary?> GetSummaryAsync();

    /// <summary>Stops a queued or running run; it answers once the computation has stopped.</summary>
    Task<CancelResult> CancelAsync();
}
