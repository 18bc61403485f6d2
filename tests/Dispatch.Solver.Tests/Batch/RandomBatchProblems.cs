using Dispatch.Solver.Batch;

namespace Dispatch.Solver.Tests.Batch;

/// <summary>Seeded random batch problems: contended parts (some out of stock or unlisted), coverage terms,
/// incidents without options and penalties low enough that leaving one out can pay.</summary>
internal static class RandomBatchProblems
{
    private static readonly string[] Classes = ["tow", "service"];

    public static BatchProblem Create(
        int seed, int maxIncidents = 6, int maxUnits = 8, bool withParts = true, bool withCoverage = true, int minSize = 1)
    {
        var random = new Random(seed);
        var resources = Enumerable.Range(0, random.Next(Math.Max(minSize, 2), maxUnits + 1))
            .Select(r => new BatchResource($"r{r}", Classes[random.Next(Classes.Length)]))
            .ToList();

        var partKeys = Enumerable.Range(0, random.Next(1, 4)).Select(k => new PartKey($"c{k % 2}", $"SKU-{k}")).ToList();
        var parts = new Dictionary<PartKey, int>();
        foreach (var key in partKeys.Where(_ => random.NextDouble() < 0.9))
        {
            parts[key] = random.Next(0, 4);
        }

        var incidents = new List<BatchIncident>();
        var incidentCount = random.Next(minSize, maxIncidents + 1);
        for (var i = 0; i < incidentCount; i++)
        {
            var options = new List<BatchOption>();
            if (random.NextDouble() >= 0.1)
            {
                for (var r = 0; r < resources.Count; r++)
                {
                    if (random.NextDouble() >= 0.6)
                    {
                        continue;
                    }

                    var modes = random.NextDouble() < 0.3 ? 2 : 1;
                    for (var m = 0; m < modes; m++)
                    {
                        PartKey? part = withParts && random.NextDouble() < 0.45 ? partKeys[random.Next(partKeys.Count)] : null;
                        options.Add(new BatchOption(r, Math.Round(5 + random.NextDouble() * 115, 4), part, 100 * r + m));
                    }
                }
            }

            double[] penalties = [60, 150, 400, 1000, 5000];
            double[] weights = [1, 2, 4];
            incidents.Add(new BatchIncident($"i{i}", weights[random.Next(weights.Length)], penalties[random.Next(penalties.Length)], options));
        }

        var coverage = new List<CoverageDemand>();
        if (withCoverage)
        {
            var demandCount = random.Next(1, 7);
            for (var e = 0; e < demandCount; e++)
            {
                var cls = Classes[random.Next(Classes.Length)];
                var ofClass = Enumerable.Range(0, resources.Count).Where(r => resources[r].CoverageClass == cls).ToList();
                var coverers = ofClass.Where(_ => random.NextDouble() < 0.5).Take(3).ToList();
                var weight = random.NextDouble() < 0.15 ? 0 : Math.Round(random.NextDouble() * 60, 3);
                coverage.Add(new CoverageDemand(cls, $"d{e}", weight, coverers));
            }
        }

        double[] lambdas = [0, 0.5, 1, 2, 5];
        var lambda = withCoverage ? lambdas[random.Next(lambdas.Length)] : 0;
        return new BatchProblem(incidents, resources, parts, coverage, lambda);
    }
}
