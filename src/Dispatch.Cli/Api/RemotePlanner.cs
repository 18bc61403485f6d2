using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Cli.Input;
using Dispatch.Cli.Planning;
using Dispatch.Cli.Running;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Placement;

namespace Dispatch.Cli.Api;

/// <summary>Plans on a silo: <c>POST /v1/planning/placement</c> (docs/api.md "Planning"), then <c>GET /v1/network</c>
/// for where the chosen sites and the demand are, and the same request rebuilt on that network to link each demand
/// point to its site for the map.</summary>
public sealed class RemotePlanner : IDisposable
{
    // The silo answers within the request's time limit (DESIGN §4.3: never a timeout error); this is its margin.
    private static readonly TimeSpan AnswerMargin = TimeSpan.FromSeconds(60);
    private readonly ScenarioApiClient _client;
    private readonly Action<string> _warn;

    public RemotePlanner(ScenarioApiClient client, Action<string> warn)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _warn = warn ?? throw new ArgumentNullException(nameof(warn));
    }

    public string Description => _client.BaseAddress.ToString();

    public static RemotePlanner Open(RemoteSource source, double? timeLimitMs, Action<string> warn, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var key = ApiKeyFile.Read(source.KeyFile);
        var limit = TimeSpan.FromMilliseconds(timeLimitMs ?? PlacementSolver.DefaultTimeLimit.TotalMilliseconds);
        var timeout = TimeSpan.FromSeconds(Math.Max(100, (limit + AnswerMargin).TotalSeconds));
        return new RemotePlanner(new ScenarioApiClient(source.Url, key, handler, timeout), warn);
    }

    public async Task<PlanOutcome> PlanAsync(PlacementRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var answer = await CallAsync(() => _client.PlaceAsync(request, cancellationToken), "planning").ConfigureAwait(false);
        if (answer.Status is 400 or 422)
        {
            var problem = ProblemDetails.Read(answer.Status, answer.Body);
            throw new InvalidInputException(problem.Errors.Count > 0 ? PlanErrors.WithOptions(problem.Errors) : [new InputError("", problem.Headline)]);
        }

        if (answer.Status == 404)
        {
            throw new RunFailedException(
                $"The silo at {_client.BaseAddress} does not serve POST /{ScenarioApiClient.PlacementPath} (HTTP 404); it predates station planning. "
                + "Plan on a network file with --network instead.");
        }

        if (!answer.IsSuccess)
        {
            throw new RunFailedException($"The silo refused the plan: {ProblemDetails.Read(answer.Status, answer.Body)}");
        }

        var (placement, json) = ParseAnswer(answer.Body);
        var network = await ReadNetworkAsync(cancellationToken).ConfigureAwait(false);
        var model = request.Model == "mclp" ? PlacementModel.Mclp : PlacementModel.PMedian;
        PlacementProblem? rebuilt = null;
        if (network is not null)
        {
            var build = PlacementProblemBuilder.Build(network, request);
            if (build.IsValid)
            {
                rebuilt = build.Problem;
            }
            else
            {
                _warn("The plan cannot be rebuilt on the silo's network to link demand to sites: "
                    + string.Join("; ", build.Errors.Take(3).Select(e => $"{e.Path}: {e.Message}")));
            }
        }

        return new PlanOutcome(placement, json, model, rebuilt, network, request, Solution: null, Description);
    }

    public void Dispose() => _client.Dispose();

    private async Task<NetworkDocument?> ReadNetworkAsync(CancellationToken cancellationToken)
    {
        var answer = await CallAsync(() => _client.GetNetworkAsync(cancellationToken), "reading the network").ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            _warn($"The silo's network could not be read, so sites and demand have no places: {ProblemDetails.Read(answer.Status, answer.Body).Headline}");
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<NetworkDocument>(answer.Body, DocumentJson.Options);
        }
        catch (JsonException error)
        {
            _warn($"The silo's network could not be read, so sites and demand have no places: {error.Message}");
            return null;
        }
    }

    private static (PlacementAnswer Answer, JsonObject Json) ParseAnswer(string body)
    {
        const string What = "the answer to POST /" + ScenarioApiClient.PlacementPath;
        try
        {
            var json = JsonNode.Parse(body) as JsonObject ?? throw new RunFailedException($"Unexpected {What}: not an object.");
            var answer = json.Deserialize<PlacementAnswer>(CliJson.Options);
            if (answer?.Sites is null || answer.Sites.Any(s => s is null))
            {
                throw new RunFailedException($"Unexpected {What}: no list of sites.");
            }

            return (answer, json);
        }
        catch (JsonException error)
        {
            throw new RunFailedException($"Unexpected {What}: {error.Message}", error);
        }
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
}
