using System.Diagnostics;
using System.Globalization;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Placement;

namespace Dispatch.Benchmarks;

/// <summary>
/// One run of each placement question, printed as Markdown tables for bench/README.md: every OR-Library pmed file at
/// hand against its known optimum, instances generated like pmed31–40 (scaling only), and the demo network's
/// station-planning questions. Wall time and the process's CPU time are both given: on a shared machine the first
/// includes waiting for a core.
/// </summary>
public static class PlacementReport
{
    public static void Print(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var folder = args.Length > 1 ? args[1] : PlacementInputs.OrLibFolder;
        Console.WriteLine(Invariant($"Machine: {Environment.ProcessorCount} logical cores, {CpuModel()}, load average at start {LoadAverage()}, .NET {Environment.Version}."));
        Console.WriteLine();
        OrLib(folder);
        Generated();
        Demo();
    }

    private static void OrLib(string folder)
    {
        var optima = File.ReadAllLines(Path.Combine(folder, "optima.txt"))
            .Select(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length == 2 && fields[0].StartsWith("pmed", StringComparison.Ordinal))
            .ToDictionary(fields => fields[0], fields => double.Parse(fields[1], CultureInfo.InvariantCulture));
        Console.WriteLine("| Instance | n | p | Known optimum | Objective | Proven optimal | Gap | Heuristic | Root bound | Nodes | Solve wall ms | Solve CPU ms | Read + Floyd–Warshall ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        var names = optima.Keys.OrderBy(name => int.Parse(name[4..], CultureInfo.InvariantCulture));
        foreach (var name in names)
        {
            var file = Path.Combine(folder, name + ".txt");
            if (!File.Exists(file))
            {
                continue;
            }

            var read = Stopwatch.StartNew();
            var problem = OrLibPMedian.ReadFile(file);
            read.Stop();
            var (solution, cpu) = Timed(problem);
            var stats = solution.Stats!;
            Console.WriteLine(Invariant(
                $"| {name} | {problem.DemandIds.Count} | {problem.K} | {optima[name]} | {solution.Objective} | {Mark(solution.Optimal, solution.Objective == optima[name])} | {solution.Gap:P2} | {stats.HeuristicObjective} | {stats.RootBound:F1} | {stats.Nodes} | {solution.SolveMillis} | {cpu:F0} | {read.ElapsedMilliseconds} |"));
        }

        Console.WriteLine();
    }

    private static void Generated()
    {
        Console.WriteLine("Generated like OR-Library's pmed31–40 (same n, edge count and p; a cycle plus random edges, costs 1–100; seed = the pmed number). These are not the OR-Library files; the solver's own bound proves each optimum.");
        Console.WriteLine();
        Console.WriteLine("| Shape of | n | edges | p | Objective | Proven optimal | Gap | Root bound | Nodes | Solve wall ms | Solve CPU ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|");
        var shapes = new (string Name, int N, int M, int P)[]
        {
            ("pmed31", 700, 9800, 5), ("pmed32", 700, 9800, 10), ("pmed33", 700, 9800, 70), ("pmed34", 700, 9800, 140),
            ("pmed35", 800, 12800, 5), ("pmed36", 800, 12800, 10), ("pmed37", 800, 12800, 80),
            ("pmed38", 900, 16200, 5), ("pmed39", 900, 16200, 10), ("pmed40", 900, 16200, 90), ("n = 900, p = 200", 900, 16200, 200),
        };
        for (var i = 0; i < shapes.Length; i++)
        {
            var (name, n, m, p) = shapes[i];
            var problem = PlacementInputs.Generated(n, m, p, seed: 31 + i);
            var (solution, cpu) = Timed(problem);
            var stats = solution.Stats!;
            Console.WriteLine(Invariant(
                $"| {name} | {n} | {m} | {p} | {solution.Objective} | {solution.Optimal} | {solution.Gap:P2} | {stats.RootBound:F1} | {stats.Nodes} | {solution.SolveMillis} | {cpu:F0} |"));
        }

        Console.WriteLine();
    }

    private static void Demo()
    {
        var network = PlacementInputs.DemoNetwork();
        var qinghai = PlacementInputs.RegionDemand(network, "630000");
        var xinjiang = PlacementInputs.RegionDemand(network, "650000");
        var qinghaiSeats = Seats(qinghai);
        var xinjiangSeats = Seats(xinjiang);
        var questions = new List<(string Question, PlacementRequest Request)>();
        foreach (var k in new[] { 2, 3, 4, 5 })
        {
            questions.Add(($"{k} more flatbeds for Qinghai at county seats, most demand within standard", Ask("mclp", k, "flatbed", qinghai, existing: true) with { Candidates = qinghaiSeats }));
        }

        foreach (var k in new[] { 2, 3, 4, 5 })
        {
            questions.Add(($"{k} more flatbeds for Qinghai at county seats, least weighted ETA", Ask("pmedian", k, "flatbed", qinghai, existing: true) with { Candidates = qinghaiSeats }));
        }

        questions.Add(("2 more flatbeds for Qinghai at existing centers (all have flatbeds: nothing to gain)", Ask("mclp", 2, "flatbed", qinghai, existing: true)));
        questions.Add(("2 more flatbeds for Qinghai at existing centers, least weighted ETA", Ask("pmedian", 2, "flatbed", qinghai, existing: true)));
        foreach (var k in new[] { 2, 5 })
        {
            questions.Add(($"{k} flatbed centers for Qinghai from scratch, least weighted ETA", Ask("pmedian", k, "flatbed", qinghai, existing: false)));
        }

        questions.Add(("5 partner operators for Xinjiang at county seats, 4x4 recovery, on their own", Ask("mclp", 5, "recovery_4x4", xinjiang, existing: false) with { Candidates = xinjiangSeats }));
        questions.Add(("5 partner operators for Xinjiang at county seats, 4x4 recovery, with today's units", Ask("mclp", 5, "recovery_4x4", xinjiang, existing: true) with { Candidates = xinjiangSeats }));
        questions.Add(("5 more flatbeds nationwide at centers, most demand within standard", Ask("mclp", 5, "flatbed", null, existing: true)));
        questions.Add(("10 flatbed centers nationwide from scratch, least weighted ETA", Ask("pmedian", 10, "flatbed", null, existing: false)));
        questions.Add(("10 more service vans nationwide at centers, least weighted ETA", Ask("pmedian", 10, "service_van", null, existing: true)));

        Console.WriteLine("Demo network (data/demo-network.json): demand is the region's demand points weighted by coverageWeight (nationwide: all of them); candidates are the centers, or the region's county seats (its demand points' locations); with today's units (`existing: true`) mclp counts what they already cover and p-median lets them keep serving. Covered share: of all the question's demand weight.");
        Console.WriteLine();
        Console.WriteLine("| Question | Model | k | Sites x demand | After reduction | Chosen sites | Objective | Covered share | Proven optimal | Gap | Build ms | Solve wall ms | Solve CPU ms |");
        Console.WriteLine("|---|---|---:|---:|---:|---|---:|---:|---|---:|---:|---:|---:|");
        foreach (var (question, request) in questions)
        {
            var build = Stopwatch.StartNew();
            var made = PlacementProblemBuilder.Build(network, request);
            build.Stop();
            var problem = made.Problem ?? throw new InvalidOperationException(string.Join("; ", made.Errors.Select(e => $"{e.Path}: {e.Message}")));
            var (solution, cpu) = Timed(problem);
            var stats = solution.Stats!;
            var share = solution.CoveredWeight is { } covered ? (covered / solution.TotalWeight).ToString("P1", CultureInfo.InvariantCulture) : "";
            Console.WriteLine(Invariant(
                $"| {question} | {request.Model} | {problem.K} | {problem.CandidateIds.Count} x {problem.DemandIds.Count} | {stats.ReducedSites} x {stats.ReducedDemand} | {string.Join(", ", solution.SiteIds)} | {solution.Objective:F1} | {share} | {solution.Optimal} | {solution.Gap:P2} | {build.ElapsedMilliseconds} | {solution.SolveMillis} | {cpu:F0} |"));
        }

        Console.WriteLine();
    }

    private static PlacementCandidates Seats(List<PlacementDemandPoint> demand) =>
        PlacementCandidates.Of([.. demand.Select(d => new PlacementSite { Id = d.Id, Location = d.Location })]);

    private static PlacementRequest Ask(string model, int k, string type, List<PlacementDemandPoint>? demand, bool existing) =>
        new() { Model = model, K = k, ResourceType = type, Demand = demand, Existing = existing, TimeLimitMs = 30_000 };

    private static (PlacementSolution Solution, double CpuMillis) Timed(PlacementProblem problem)
    {
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var solution = PlacementSolver.Solve(problem, TimeSpan.FromSeconds(30));
        process.Refresh();
        return (solution, (process.TotalProcessorTime - before).TotalMilliseconds);
    }

    private static string Mark(bool optimal, bool matchesKnown) => optimal && matchesKnown ? "yes, = known" : optimal ? "yes, ≠ known!" : "no";

    private static string CpuModel()
    {
        const string Key = "model name";
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith(Key, StringComparison.Ordinal));
            return line is null ? "unknown CPU" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
