using Dispatch.Solver.Simulation;

namespace Dispatch.Grains.Scenarios;

/// <summary>Persisted run (version 1 of the layout; new members take new ids). Progress is not persisted while a run
/// goes: a run that a stopped silo interrupted starts again from 0.</summary>
[GenerateSerializer]
public sealed class ScenarioState
{
    [Id(0)] public string? Name { get; set; }
    [Id(1)] public string OwnerKeyId { get; set; } = string.Empty;

    /// <summary>The request with its base resolved (see <see cref="ScenarioSubmission"/>).</summary>
    [Id(2)] public string? RequestJson { get; set; }
    [Id(3)] public string Status { get; set; } = ScenarioStatus.Queued;
    [Id(4)] public DateTimeOffset CreatedAt { get; set; }
    [Id(5)] public DateTimeOffset? StartedAt { get; set; }
    [Id(6)] public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Progress when the run ended (1 when it completed).</summary>
    [Id(7)] public double Progress { get; set; }
    [Id(8)] public ScenarioOutcome? Outcome { get; set; }
    [Id(9)] public string? Error { get; set; }

    public bool Exists => RequestJson is not null;

    public ScenarioState Clone() => (ScenarioState)MemberwiseClone();
}

[GenerateSerializer]
public sealed class ScenarioRegistryState
{
    /// <summary>Oldest first: the queue order.</summary>
    [Id(0)] public List<ScenarioSummary> Runs { get; set; } = [];

    public ScenarioRegistryState Clone() => new() { Runs = [.. Runs] };
}
