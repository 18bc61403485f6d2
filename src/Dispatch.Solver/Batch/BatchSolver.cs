namespace Dispatch.Solver.Batch;

/// <summary>
/// Solves the surge batch of docs/dispatch-semantics.md "Batch (surge)": builds the integer model (scaled costs, safe
/// pruning), solves it with a linear sum assignment when neither stock nor coverage can bind and with CP-SAT otherwise,
/// and reports the choice with its exact objective.
/// </summary>
public sealed class BatchSolver(TimeProvider? timeProvider = null)
{
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;

    /// <param name="problem">The batch.</param>
    /// <param name="settings">How to solve it.</param>
    /// <param name="startingPoint">Optionally, an option index per incident (-1 unassigned) to start CP-SAT from
    /// instead of the built-in greedy choice; used only where it is feasible and every choice survived pruning.</param>
    public BatchSolution Solve(BatchProblem problem, BatchSolverSettings? settings = null, IReadOnlyList<int>? startingPoint = null)
    {
        settings ??= BatchSolverSettings.Default;
        BatchProblemValidator.ThrowIfInvalid(problem);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Workers, 1, nameof(settings));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.TimeLimit, TimeSpan.Zero, nameof(settings));

        var started = time.GetTimestamp();
        var scale = ObjectiveScale.For(problem);
        var model = BatchModelBuilder.Build(problem, scale, settings.Prune);
        var (outcome, method) = SolveModel(model, settings, startingPoint is null ? null : StartingPoint.ToCandidates(model, startingPoint));
        var elapsed = time.GetElapsedTime(started);

        var optionChoice = new int[model.IncidentCount];
        for (var i = 0; i < model.IncidentCount; i++)
        {
            optionChoice[i] = outcome.Choice[i] < 0 ? -1 : model.Candidates[i][outcome.Choice[i]].Option;
        }

        var (breakdown, lost) = BatchObjective.Evaluate(problem, optionChoice);
        var scaledObjective = model.ScaledObjective(outcome.Choice);
        var scaledBound = Math.Min(outcome.ScaledBound, scaledObjective);
        var gap = outcome.Optimal ? 0 : (scaledObjective - scaledBound) / Math.Max(scale.Factor, Math.Abs((double)scaledObjective));

        return new BatchSolution(
            Assignments: Assignments(problem, optionChoice),
            Unassigned: Unassigned(problem, optionChoice),
            LostCoverage: lost,
            Breakdown: breakdown,
            Objective: breakdown.Total,
            BestBound: scale.Unscale(scaledBound) - scale.HalfTolerance,
            Optimal: outcome.Optimal,
            Gap: gap,
            RoundingTolerance: scale.Tolerance,
            Method: method,
            OptionsGiven: problem.Incidents.Sum(incident => incident.Options.Count),
            OptionsKept: model.CandidateCount,
            SolveTime: elapsed);
    }

    private static (ModelOutcome Outcome, BatchSolveMethod Method) SolveModel(BatchModel model, BatchSolverSettings settings, int[]? start)
    {
        var greedy = start ?? GreedyAssignment.Choose(model);
        if (model.CandidateCount == 0)
        {
            var nothing = Enumerable.Repeat(-1, model.IncidentCount).ToArray();
            return (new ModelOutcome(nothing, model.ScaledObjective(nothing), true), BatchSolveMethod.Trivial);
        }

        if (settings.UseAssignmentFastPath && model.IsPlainAssignment)
        {
            var rows = Enumerable.Range(0, model.IncidentCount)
                .Select(i => new AssignmentRow(model.Candidates[i].Select(c => (c.Resource, c.Cost)).ToArray(), model.Penalty[i]))
                .ToArray();
            if (AssignmentCore.Solve(rows) is { } choice)
            {
                return (new ModelOutcome(choice, model.ScaledObjective(choice), true), BatchSolveMethod.Assignment);
            }
        }

        // CP-SAT may end on a solution worse than its hint when the time limit cuts it short: keep the better one.
        var solved = CpSatBatchSolver.Solve(model, settings, greedy);
        if (!solved.Optimal && model.ScaledObjective(greedy) < model.ScaledObjective(solved.Choice))
        {
            solved = solved with { Choice = greedy };
        }

        return (solved, BatchSolveMethod.CpSat);
    }

    private static List<BatchAssignment> Assignments(BatchProblem problem, int[] optionChoice)
    {
        var result = new List<BatchAssignment>();
        for (var i = 0; i < optionChoice.Length; i++)
        {
            if (optionChoice[i] < 0)
            {
                continue;
            }

            var incident = problem.Incidents[i];
            var option = incident.Options[optionChoice[i]];
            result.Add(new BatchAssignment(
                incident.Id, i, optionChoice[i], option.ResourceIndex, option.Part, option.Payload,
                option.Cost, incident.PriorityWeight, incident.PriorityWeight * option.Cost));
        }

        return result;
    }

    private static List<UnassignedIncident> Unassigned(BatchProblem problem, int[] optionChoice) =>
        Enumerable.Range(0, optionChoice.Length)
            .Where(i => optionChoice[i] < 0)
            .Select(i => new UnassignedIncident(
                problem.Incidents[i].Id, i, UnassignedReasons.For(problem, i, optionChoice), problem.Incidents[i].UnassignedPenalty))
            .ToList();
}
