using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Cli.Input;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Simulation;

namespace Dispatch.Cli.Running;

/// <summary>Runs scenarios in this process with <see cref="ScenarioRunner"/> on a network document read once.</summary>
public sealed class LocalBackend : IScenarioBackend
{
    private readonly NetworkDocument _network;

    private LocalBackend(NetworkDocument network, string path)
    {
        _network = network;
        Description = path;
    }

    public string Description { get; }

    public static LocalBackend Open(string networkPath) =>
        new(JsonInputFile.Read<NetworkDocument>("--network", networkPath), networkPath);

    public async Task<ScenarioRunResult> RunAsync(ScenarioRequest request, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var full = request with { Base = ScenarioBase.Of(_network) };
        var preparation = ScenarioRunner.Prepare(full, _network);
        if (!preparation.IsValid)
        {
            throw new InvalidInputException(preparation.Errors.Select(e => new InputError(e.Path, e.Message)).ToList());
        }

        // The simulator is synchronous and CPU-bound; off the caller's thread the progress bar keeps drawing.
        var outcome = await Task.Run(() => ScenarioRunner.Run(preparation.Scenario, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new ScenarioRunResult(outcome, Answer(request.Name, outcome));
    }

    public void Dispose()
    {
    }

    // The shape of GET /v1/scenarios/{id}, so result.json reads the same wherever the run happened.
    private static JsonObject Answer(string? name, ScenarioOutcome outcome) => new()
    {
        ["id"] = null,
        ["name"] = name,
        ["status"] = "completed",
        ["progress"] = 1.0,
        ["scenario"] = JsonSerializer.SerializeToNode(outcome.Scenario, CliJson.Options),
        ["baseline"] = JsonSerializer.SerializeToNode(outcome.Baseline, CliJson.Options),
    };
}
