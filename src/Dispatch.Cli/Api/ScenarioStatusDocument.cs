using System.Text.Json;
using Dispatch.Solver.Simulation;

namespace Dispatch.Cli.Api;

/// <summary>The answer of <c>GET /v1/scenarios/{id}</c> (docs/api.md "Scenarios"), as far as the CLI reads
/// it.</summary>
public sealed record ScenarioStatusDocument
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Status { get; init; }
    public double? Progress { get; init; }
    public SimulationKpis? Scenario { get; init; }
    public SimulationKpis? Baseline { get; init; }

    /// <summary>Why a run failed; text, or whatever object the server chose.</summary>
    public JsonElement? Error { get; init; }

    public string ErrorText => Error switch
    {
        null => "no reason given",
        { ValueKind: JsonValueKind.String } text => text.GetString() ?? "no reason given",
        { ValueKind: JsonValueKind.Object } problem when problem.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String => detail.GetString()!,
        { } other => other.GetRawText(),
    };
}
