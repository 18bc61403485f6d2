using Dispatch.Solver.Documents;

namespace Dispatch.Cli.Running;

/// <summary>Runs one scenario request to the end, wherever it runs.</summary>
/// <remarks>Throws <see cref="Input.InvalidInputException"/> for a request the engine refuses,
/// <see cref="RunFailedException"/> when the run cannot be done, and <see cref="OperationCanceledException"/> when
/// cancelled (after stopping a remote run).</remarks>
public interface IScenarioBackend : IDisposable
{
    /// <summary>Where runs happen, for people: a file path or a URL.</summary>
    string Description { get; }

    /// <param name="request">The request without a base; the backend sets it.</param>
    /// <param name="progress">Reports 0..1 over the scenario and its baseline.</param>
    Task<ScenarioRunResult> RunAsync(ScenarioRequest request, IProgress<double> progress, CancellationToken cancellationToken);
}
