using Dispatch.Solver.Simulation;

namespace Dispatch.Grains.Scenarios;

/// <summary>A checked request to run: <paramref name="RequestJson"/> is the request with its base resolved to a
/// whole network document, so that running it again gives the same answer whatever live state has become.</summary>
[GenerateSerializer, Immutable]
public sealed record ScenarioSubmission(
    [property: Id(0)] string? Name,
    [property: Id(1)] string OwnerKeyId,
    [property: Id(2)] string RequestJson);

/// <summary>What a run is doing, without its results: what the registry lists.</summary>
/// <param name="Progress">0..1; the registry's copy of a running run lags, the run's own grain knows.</param>
[GenerateSerializer, Immutable]
public sealed record ScenarioSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Name,
    [property: Id(2)] string OwnerKeyId,
    [property: Id(3)] string Status,
    [property: Id(4)] double Progress,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset? StartedAt,
    [property: Id(7)] DateTimeOffset? FinishedAt,
    [property: Id(8)] string? Error);

/// <summary>A run with its results once it completed.</summary>
[GenerateSerializer, Immutable]
public sealed record ScenarioView(
    [property: Id(0)] ScenarioSummary Summary,
    [property: Id(1)] ScenarioOutcome? Outcome);

public enum CancelOutcome
{
    /// <summary>The run was queued or running and is now cancelled, or it had been cancelled before.</summary>
    Cancelled,

    /// <summary>The run had completed or failed: there is nothing left to stop.</summary>
    AlreadyFinished,
    NotFound,
}

[GenerateSerializer, Immutable]
public sealed record CancelResult(
    [property: Id(0)] CancelOutcome Outcome,
    [property: Id(1)] ScenarioView? Scenario);
