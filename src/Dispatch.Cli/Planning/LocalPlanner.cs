using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Cli.Input;
using Dispatch.Cli.Running;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Placement;

namespace Dispatch.Cli.Planning;

/// <summary>Solves a plan in this process with the solver's <see cref="PlacementSolver"/>: an OR-Library file as it is,
/// or a placement request on a network document through <see cref="PlacementProblemBuilder"/>.</summary>
public static class LocalPlanner
{
    public static PlanOutcome SolveOrLib(string path, double? timeLimitMs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var at = $"--orlib {path}";
        PlacementProblem problem;
        try
        {
            problem = OrLibPMedian.ReadFile(path);
        }
        catch (Exception error) when (error is FormatException or OverflowException)
        {
            throw new InvalidInputException(at, "not an OR-Library p-median file: " + error.Message);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException(at, "cannot be read: " + error.Message);
        }

        if (timeLimitMs is { } ms)
        {
            problem = problem with { TimeLimit = TimeSpan.FromMilliseconds(ms) };
        }

        // A graph that is not connected leaves some vertex unreachable from every site: say so rather than solve.
        var errors = PlacementProblemValidator.Validate(problem);
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors.Select(e => new InputError($"{at} {e.Path}", e.Message)).ToList());
        }

        var solution = PlacementSolver.Solve(problem, cancellationToken);
        return Outcome(solution, problem, network: null, request: null, path);
    }

    public static PlanOutcome SolveOnNetwork(string networkPath, PlacementRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var network = JsonInputFile.Read<NetworkDocument>("--network", networkPath);
        var build = PlacementProblemBuilder.Build(network, request);
        if (!build.IsValid)
        {
            throw new InvalidInputException(PlanErrors.WithOptions(build.Errors.Select(e => new InputError(e.Path, e.Message))));
        }

        var solution = PlacementSolver.Solve(build.Problem!, cancellationToken);
        return Outcome(solution, build.Problem!, network, request, networkPath);
    }

    private static PlanOutcome Outcome(PlacementSolution solution, PlacementProblem problem, NetworkDocument? network, PlacementRequest? request, string where)
    {
        var answer = PlacementAnswer.From(solution);
        var json = (JsonObject)JsonSerializer.SerializeToNode(answer, CliJson.Options)!;
        return new PlanOutcome(answer, json, solution.Model, problem, network, request, solution, where);
    }
}
