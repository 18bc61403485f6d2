using BenchmarkDotNet.Attributes;

namespace Dispatch.Benchmarks.Guard;

/// <summary>A fixed workload that no change to Dispatch can touch: great-circle sums over arrays and a sort, the same
/// mix of floating point, memory and branches as the hot path. Every guarded median is divided by its median in the
/// same run, so a slower or busier machine moves both and the ratio stays.</summary>
[MedianColumn]
public class Yardstick
{
    private const int Points = 4096;
    private readonly double[] lat = new double[Points];
    private readonly double[] lon = new double[Points];
    private readonly double[] scratch = new double[Points];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        for (var i = 0; i < Points; i++)
        {
            lat[i] = 18 + (random.NextDouble() * 35);
            lon[i] = 75 + (random.NextDouble() * 60);
        }
    }

    [Benchmark(Description = "Yardstick")]
    public double Run()
    {
        const double toRad = Math.PI / 180;
        var total = 0.0;
        for (var i = 0; i < 256; i++)
        {
            var dLat = (lat[i + 1] - lat[i]) * toRad;
            var dLon = (lon[i + 1] - lon[i]) * toRad;
            var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
                + (Math.Cos(lat[i] * toRad) * Math.Cos(lat[i + 1] * toRad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
            total += 2 * Math.Asin(Math.Sqrt(a));
        }

        Array.Copy(lat, scratch, 512);
        Array.Sort(scratch, 0, 512);
        return total + scratch[256];
    }
}
