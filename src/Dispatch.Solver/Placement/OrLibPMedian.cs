using System.Globalization;

namespace Dispatch.Solver.Placement;

/// <summary>
/// Reads an OR-Library p-median file (Beasley 1985; format in ../shared/data/orlib/README.md): "n m p", then m
/// undirected edges "i j c" (1-based). The distance matrix follows the convention the published optima rely on: a pair
/// listed twice keeps its last cost (not the smaller), then all-pairs shortest paths (Floyd–Warshall). Every vertex is
/// a client of weight 1 and a candidate site; k is the file's p.
/// </summary>
public static class OrLibPMedian
{
    /// <summary>Reads and parses an OR-Library file (e.g. <c>pmed1.txt</c>).</summary>
    public static PlacementProblem ReadFile(string path) => Parse(File.ReadAllText(path));

    /// <summary>Parses the text of an OR-Library file; throws <see cref="FormatException"/> on a bad header, a
    /// truncated file or an out-of-range edge. Unconnected pairs get +infinity.</summary>
    public static PlacementProblem Parse(string text)
    {
        var numbers = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var at = 0;
        int Next()
        {
            if (at >= numbers.Length)
            {
                throw new FormatException("the file ends before its header's edge count");
            }

            return int.Parse(numbers[at++], NumberStyles.Integer, CultureInfo.InvariantCulture);
        }

        var n = Next();
        var m = Next();
        var p = Next();
        if (n < 1 || m < 0 || p < 1 || p > n)
        {
            throw new FormatException($"bad header: n = {n}, m = {m}, p = {p}");
        }

        var distances = ShortestPaths(n, m, Next);
        var ids = Enumerable.Range(1, n).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        return new PlacementProblem
        {
            Model = PlacementModel.PMedian,
            K = p,
            CandidateIds = ids,
            DemandIds = ids,
            Weights = Enumerable.Repeat(1.0, n).ToArray(),
            Times = distances,
        };
    }

    private static double[][] ShortestPaths(int n, int m, Func<int> next)
    {
        const int Infinity = int.MaxValue / 2;
        var d = new int[n * n];
        Array.Fill(d, Infinity);
        for (var i = 0; i < n; i++)
        {
            d[(i * n) + i] = 0;
        }

        for (var e = 0; e < m; e++)
        {
            var i = next() - 1;
            var j = next() - 1;
            var c = next();
            if (i < 0 || i >= n || j < 0 || j >= n || c < 0)
            {
                throw new FormatException($"edge {e + 1} ({i + 1}, {j + 1}, {c}) is out of range");
            }

            // The last occurrence wins: this is OR-Library's rule, and the known optima depend on it.
            if (i != j)
            {
                d[(i * n) + j] = c;
                d[(j * n) + i] = c;
            }
        }

        for (var k = 0; k < n; k++)
        {
            var rowK = d.AsSpan(k * n, n);
            for (var i = 0; i < n; i++)
            {
                var dik = d[(i * n) + k];
                if (dik >= Infinity)
                {
                    continue;
                }

                var rowI = d.AsSpan(i * n, n);
                for (var j = 0; j < n; j++)
                {
                    var through = dik + rowK[j];
                    if (through < rowI[j])
                    {
                        rowI[j] = through;
                    }
                }
            }
        }

        var result = new double[n][];
        for (var i = 0; i < n; i++)
        {
            var row = result[i] = new double[n];
            for (var j = 0; j < n; j++)
            {
                var v = d[(i * n) + j];
                row[j] = v >= Infinity ? double.PositiveInfinity : v;
            }
        }

        return result;
    }
}
