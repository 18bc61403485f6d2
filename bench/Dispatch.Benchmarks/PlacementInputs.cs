using System.Globalization;
using System.Text;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Network;
using Dispatch.Solver.Placement;

namespace Dispatch.Benchmarks;

/// <summary>Where the placement benchmarks find their inputs, and the instances they make.</summary>
internal static class PlacementInputs
{
    /// <summary>A path under the repository root: the first folder holding Dispatch.sln above the binaries or, for a
    /// build elsewhere, above the working directory.</summary>
    public static string RepositoryFile(string relative)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Dispatch.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, relative));
                }
            }
        }

        throw new FileNotFoundException("Dispatch.sln not found above " + AppContext.BaseDirectory + " or the working directory");
    }

    /// <summary>The shared OR-Library p-median folder (pmed*.txt and optima.txt), next to the repository.</summary>
    public static string OrLibFolder => RepositoryFile("../shared/data/orlib/pmed");

    public static NetworkDocument DemoNetwork() => DocumentJson.ParseNetwork(File.ReadAllText(RepositoryFile("data/demo-network.json")));

    /// <summary>The network's demand points in one region, weighted as the default demand is (weight x coverageWeight),
    /// as a supplied list: the request shape has no region filter, so a regional question supplies its demand.</summary>
    public static List<PlacementDemandPoint> RegionDemand(NetworkDocument network, string regionCode)
    {
        var compiled = CompiledNetwork.Compile(network);
        return [.. compiled.DemandPoints
            .Where(p => p.RegionIndex >= 0 && compiled.Regions[p.RegionIndex].Code == regionCode)
            .Select(p => new PlacementDemandPoint { Id = p.Id, Location = new GeoPoint(p.Lat, p.Lon), Weight = p.WeightedDemand })];
    }

    /// <summary>
    /// An instance built the way OR-Library's pmed files are (as their contents show): a cycle 1-2-...-n-1, then random
    /// vertex pairs (repeats allowed, the last cost wins), every cost uniform in 1..100. Not an OR-Library instance: it
    /// only shows how the solver scales to the family's sizes.
    /// </summary>
    public static PlacementProblem Generated(int n, int m, int p, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $" {n} {m} {p}\n");
        for (var i = 1; i <= n; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $" {i} {(i % n) + 1} {random.Next(1, 101)}\n");
        }

        for (var e = n; e < m; e++)
        {
            int a, b;
            do
            {
                a = random.Next(1, n + 1);
                b = random.Next(1, n + 1);
            }
            while (a == b);
            text.Append(CultureInfo.InvariantCulture, $" {a} {b} {random.Next(1, 101)}\n");
        }

        return OrLibPMedian.Parse(text.ToString());
    }
}
