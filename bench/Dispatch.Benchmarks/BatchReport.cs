using System.Diagnostics;
using System.Globalization;

namespace Dispatch.Benchmarks;

/// <summary>One run of each batch scenario, printed as a Markdown table: what the timings in BatchBenchmarks buy.</summary>
public static class BatchReport
{
    public static void Print()
    {
        Console.WriteLine("| Scenario | Batch objective | Greedy objective | Gain | Optimal | Gap | Candidates | Assigned (batch / greedy) | Batch ms | Greedy ms | Setup ms |");
        Console.WriteLine("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var name in new[] { BatchScenario.Regional, BatchScenario.National })
        {
            var setup = Stopwatch.StartNew();
            var scenario = BatchScenario.Create(name);
            setup.Stop();
            var greedy = scenario.Engine.GreedyBatch(scenario.Incidents);
            var batch = scenario.Engine.SolveBatch(scenario.Incidents, scenario.Settings);
            var gain = (greedy.Objective - batch.Objective) / greedy.Objective;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {batch.Objective:F1} | {greedy.Objective:F1} | {gain:P2} | {batch.Optimal} | {batch.Gap:P3} | {batch.CandidateOptions} | {batch.Assignments.Count} / {greedy.Assignments.Count} | {batch.SolveMillis:F0} | {greedy.SolveMillis:F0} | {setup.ElapsedMilliseconds} |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"|   batch terms | cost {batch.Breakdown.WeightedCost:F1}, lost demand {batch.Breakdown.LostDemandWeight:F1}, unassigned {batch.Breakdown.UnassignedPenalty:F0} | cost {greedy.Breakdown.WeightedCost:F1}, lost demand {greedy.Breakdown.LostDemandWeight:F1}, unassigned {greedy.Breakdown.UnassignedPenalty:F0} | | | | | | | | |"));
        }
    }
}
