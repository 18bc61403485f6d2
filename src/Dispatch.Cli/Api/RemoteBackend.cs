using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Cli.Input;
using Dispatch.Cli.Running;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Simulation;

namespace Dispatch.Cli.Api;

/// <summary>Runs scenarios on a silo: submit with base "live", poll until the run ends, cancel it when the planner
/// presses Ctrl+C.</summary>
public sealed class RemoteBackend : IScenarioBackend
{
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(10);
    private readonly ScenarioApiClient _client;
    private readonly TimeSpan _pollInterval;
    private readonly TimeProvider _time;

    public RemoteBackend(ScenarioApiClient client, TimeSpan pollInterval, TimeProvider time)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _pollInterval = pollInterval;
    }

    public string Description => _client.BaseAddress.ToString();

    /// <summary>The last scenario id submitted, for messages.</summary>
    public string? LastScenarioId { get; private set; }

    public static RemoteBackend Open(RemoteSource source, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var key = ApiKeyFile.Read(source.KeyFile);
        return new RemoteBackend(new ScenarioApiClient(source.Url, key, handler), TimeSpan.FromMilliseconds(500), TimeProvider.System);
    }

    public async Task<ScenarioRunResult> RunAsync(ScenarioRequest request, IProgress<double> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        // Not cancelled with the planner's token: a POST dropped halfway may still create the run on the silo, and then
        // there would be no id to cancel it by. Ctrl+C during the POST is honoured as soon as the id is known.
        var submitted = await CallAsync(() => _client.SubmitAsync(request with { Base = ScenarioBase.Live }, CancellationToken.None), "submitting the scenario").ConfigureAwait(false);
        if (submitted.Status == 400)
        {
            var problem = ProblemDetails.Read(submitted.Status, submitted.Body);
            throw new InvalidInputException(problem.Errors.Count > 0 ? problem.Errors : [new InputError("", problem.Headline)]);
        }

        if (!submitted.IsSuccess)
        {
            throw new RunFailedException($"The silo refused the scenario: {ProblemDetails.Read(submitted.Status, submitted.Body)}");
        }

        var accepted = Parse(submitted.Body, "the answer to POST /v1/scenarios");
        if (string.IsNullOrEmpty(accepted.Id))
        {
            throw new RunFailedException("The silo accepted the scenario but gave no id.");
        }

        LastScenarioId = accepted.Id;
        var location = submitted.Location ?? new Uri(_client.BaseAddress, ScenarioApiClient.ScenarioPath(accepted.Id));
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return await PollAsync(accepted.Id, location, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException cancelled) when (cancellationToken.IsCancellationRequested)
        {
            var outcome = await CancelRemoteAsync(accepted.Id).ConfigureAwait(false);
            throw new RunCancelledException(
                outcome switch
                {
                    RemoteCancel.Cancelled => $"Cancelled: scenario {accepted.Id} was cancelled on the silo.",
                    RemoteCancel.AlreadyFinished => $"Cancelled here; scenario {accepted.Id} had already finished on the silo (see GET /v1/scenarios/{accepted.Id}).",
                    _ => $"Cancelled, but the silo did not confirm; stop the run with POST /v1/scenarios/{accepted.Id}/cancel.",
                },
                cancelled,
                cancellationToken);
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task<ScenarioRunResult> PollAsync(string id, Uri location, IProgress<double> progress, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(_pollInterval, _time, cancellationToken).ConfigureAwait(false);
            var answer = await CallAsync(() => _client.GetAsync(location, cancellationToken), $"reading scenario {id}").ConfigureAwait(false);
            if (!answer.IsSuccess)
            {
                throw new RunFailedException($"Reading scenario {id} failed: {ProblemDetails.Read(answer.Status, answer.Body)}");
            }

            var status = Parse(answer.Body, $"the answer to GET {location}");
            switch (status.Status)
            {
                case ScenarioStatusDocument.Completed:
                    return Completed(id, status, answer.Body);
                case ScenarioStatusDocument.Failed:
                    throw new RunFailedException($"Scenario {id} failed on the silo: {status.ErrorText}");
                case ScenarioStatusDocument.Cancelled:
                    throw new RunFailedException($"Scenario {id} was cancelled on the silo.");
                default:
                    progress.Report(Math.Clamp(status.Progress ?? 0, 0, 1));
                    break;
            }
        }
    }

    private static ScenarioRunResult Completed(string id, ScenarioStatusDocument status, string body)
    {
        if (status.Scenario is null || status.Baseline is null)
        {
            throw new RunFailedException($"Scenario {id} completed without the KPIs of both runs.");
        }

        var outcome = new ScenarioOutcome(KpiCompletion.Complete(status.Scenario), KpiCompletion.Complete(status.Baseline));
        return new ScenarioRunResult(outcome, (JsonNode.Parse(body) as JsonObject)!);
    }

    // Best effort with its own deadline: the planner's token is already cancelled, and a silo that does not answer
    // must not keep the CLI from exiting.
    private async Task<RemoteCancel> CancelRemoteAsync(string id)
    {
        try
        {
            using var grace = new CancellationTokenSource(CancelGrace, _time);
            var answer = await _client.CancelAsync(id, grace.Token).ConfigureAwait(false);
            return answer switch
            {
                { IsSuccess: true } => RemoteCancel.Cancelled,
                // docs/api.md "Scenarios": a run that completed or failed has nothing left to stop.
                { Status: 409 } => RemoteCancel.AlreadyFinished,
                _ => RemoteCancel.Unconfirmed,
            };
        }
        catch (Exception error) when (error is HttpRequestException or OperationCanceledException)
        {
            // The message at exit names the scenario, so the planner can cancel it by hand.
            return RemoteCancel.Unconfirmed;
        }
    }

    private enum RemoteCancel
    {
        Cancelled,
        AlreadyFinished,
        Unconfirmed,
    }

    private async Task<ApiAnswer> CallAsync(Func<Task<ApiAnswer>> call, string what)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (HttpRequestException error)
        {
            throw new RunFailedException($"Cannot reach the silo at {_client.BaseAddress} while {what}: {error.Message}", error);
        }
        catch (TaskCanceledException error) when (error.InnerException is TimeoutException)
        {
            throw new RunFailedException($"The silo at {_client.BaseAddress} did not answer in time while {what}.", error);
        }
    }

    private static ScenarioStatusDocument Parse(string body, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<ScenarioStatusDocument>(body, CliJson.Options)
                ?? throw new RunFailedException($"Unexpected {what}: null.");
        }
        catch (JsonException error)
        {
            throw new RunFailedException($"Unexpected {what}: {error.Message}", error);
        }
    }
}
