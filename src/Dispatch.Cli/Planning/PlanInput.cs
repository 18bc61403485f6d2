using Dispatch.Cli.Input;

namespace Dispatch.Cli.Planning;

/// <summary>What <c>dispatch plan</c> was asked: an OR-Library file, or a placement request on a network file or a silo.</summary>
/// <param name="Source">Null for <paramref name="OrLibFile"/>; else where to plan (a network file or a silo).</param>
/// <param name="OrLibFile">An OR-Library p-median file: solved as it is, k being its p.</param>
/// <param name="CandidatesFile">Null: the network's centers; else a JSON array of <c>{id, location}</c>.</param>
/// <param name="OutGiven">Whether <c>--out</c> was given: <c>--orlib --json</c> writes files only then.</param>
/// <param name="ApplyFile">Where to write a scenario changes file adding a unit at each chosen site.</param>
public sealed record PlanInput(
    InputSource? Source,
    string? OrLibFile,
    string? Model,
    int? K,
    string? ResourceType,
    string? CandidatesFile,
    string? DemandFile,
    double? StandardMin,
    bool Existing,
    string? TravelMatrixFile,
    double? TimeLimitMs,
    string OutDirectory,
    bool OutGiven,
    bool Json,
    string? ApplyFile);
