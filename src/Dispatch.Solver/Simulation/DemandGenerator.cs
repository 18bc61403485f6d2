using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Dispatch.Solver.Geography;
using Dispatch.Solver.Network;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Dispatch.Solver.Simulation;

/// <summary>A surge as the generator uses it: a factor on the rate of the demand points in a region or zone.</summary>
internal sealed record CompiledSurge(int RegionIndex, IPreparedGeometry? Zone, DateTimeOffset From, DateTimeOffset To, double Factor);

/// <summary>Seeded calls from the network's demand points (docs/simulation.md "Generated demand").</summary>
/// <remarks>The span is cut at every hour and at every surge's start and end, so that within a piece the rate
/// is constant: the daily profile of its local hour times the surges active then. Each piece gets a Poisson
/// count of calls, each at a uniform time in the piece, from a demand point drawn by weight times its surge
/// factor, jittered up to <see cref="JitterKm"/> but kept inside the point's region.</remarks>
internal sealed class DemandGenerator
{
    public const double JitterKm = 25;
    private const int JitterTries = 8;
    private const double KmPerDegree = Math.PI * Haversine.EarthRadiusKm / 180;

    /// <summary>Relative call volume by local hour (fewer calls at night, a morning and an evening peak); mean 1.</summary>
    public static readonly IReadOnlyList<double> HourlyProfile = Normalize(
        [0.35, 0.25, 0.20, 0.20, 0.25, 0.40, 0.70, 1.10, 1.40, 1.40, 1.30, 1.25, 1.20, 1.25, 1.30, 1.40, 1.50, 1.60, 1.50, 1.30, 1.10, 0.90, 0.70, 0.50]);

    private static readonly GeometryFactory Points = new(new PrecisionModel(), 4326);

    private readonly CompiledNetwork network;
    private readonly DemandMix mix;
    private readonly TimeZoneInfo zone;
    private readonly DemandPointSpec[] points;

    public DemandGenerator(CompiledNetwork network, DemandMix mix)
    {
        this.network = network;
        this.mix = mix;
        zone = TimeZoneInfo.FindSystemTimeZoneById(network.TimeZone);
        points = [.. network.DemandPoints.Where(d => d.RegionIndex >= 0 && d.Weight > 0)];
    }

    public bool HasDemand => points.Length > 0;

    /// <summary>The calls of the span, in the order a run takes them (reportedAt, then id).</summary>
    public List<SimulatedCall> Generate(DateTimeOffset start, double days, double ratePerDay, long seed, IReadOnlyList<CompiledSurge> surges)
    {
        var random = new SeededRandom(seed);
        var end = start.AddTicks((long)Math.Round(days * TimeSpan.TicksPerDay));
        var totalWeight = points.Sum(d => d.Weight);
        var factors = surges.Select(s => PointFactors(s)).ToArray();
        var cumulativeBySurges = new Dictionary<string, (double[] Cumulative, double Weight)>(StringComparer.Ordinal);
        var drawn = new List<(long Ticks, int Point, int Order)>();

        var cuts = Cuts(start, end, surges);
        for (var k = 0; k + 1 < cuts.Count; k++)
        {
            var (from, to) = (cuts[k], cuts[k + 1]);
            var active = Enumerable.Range(0, surges.Count).Where(s => surges[s].From <= from && to <= surges[s].To).ToArray();
            var key = string.Join(',', active);
            if (!cumulativeBySurges.TryGetValue(key, out var table))
            {
                table = Cumulative(active, factors);
                cumulativeBySurges[key] = table;
            }

            var minutes = (to - from).TotalMinutes;
            var hour = TimeZoneInfo.ConvertTime(from, zone).Hour;
            var mean = ratePerDay * minutes / 1440 * HourlyProfile[hour] * table.Weight / totalWeight;
            var count = random.NextPoisson(mean);
            for (var c = 0; c < count; c++)
            {
                var ticks = from.UtcTicks + (long)(random.NextDouble() * (to - from).Ticks);
                drawn.Add((ticks, random.NextIndex(table.Cumulative), drawn.Count));
            }
        }

        // Draw the attributes in time order so that a call's attributes do not depend on how the span was cut.
        drawn.Sort((a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : a.Order.CompareTo(b.Order));
        var calls = new List<SimulatedCall>(drawn.Count);
        for (var i = 0; i < drawn.Count; i++)
        {
            var point = points[drawn[i].Point];
            var (lat, lon) = Jitter(point, random);
            var powertrain = mix.Powertrains.Draw(random);
            var incident = new Incident(
                new GeoPoint(lat, lon),
                new DateTimeOffset(drawn[i].Ticks, TimeSpan.Zero),
                mix.Faults.Draw(random),
                powertrain,
                mix.TireSpecs?.Draw(random),
                mix.Priorities.Draw(random),
                random.NextDouble() < mix.ExpresswayShare);
            calls.Add(new SimulatedCall($"g{i + 1:D7}", incident));
        }

        return calls;
    }

    private static List<DateTimeOffset> Cuts(DateTimeOffset start, DateTimeOffset end, IReadOnlyList<CompiledSurge> surges)
    {
        var cuts = new SortedSet<DateTimeOffset> { start, end };
        for (var t = start.AddHours(1); t < end; t = t.AddHours(1))
        {
            cuts.Add(t);
        }

        foreach (var s in surges)
        {
            foreach (var t in new[] { s.From, s.To })
            {
                if (t > start && t < end)
                {
                    cuts.Add(t);
                }
            }
        }

        return [.. cuts];
    }

    private double[] PointFactors(CompiledSurge surge)
    {
        var factors = new double[points.Length];
        for (var i = 0; i < points.Length; i++)
        {
            var d = points[i];
            var inside = surge.Zone is { } zoneGeometry
                ? zoneGeometry.Covers(Points.CreatePoint(new Coordinate(d.Lon, d.Lat)))
                : d.RegionIndex == surge.RegionIndex;
            factors[i] = inside ? surge.Factor : 1;
        }

        return factors;
    }

    private (double[] Cumulative, double Weight) Cumulative(int[] active, double[][] factors)
    {
        var cumulative = new double[points.Length];
        var sum = 0.0;
        for (var i = 0; i < points.Length; i++)
        {
            var w = points[i].Weight;
            foreach (var s in active)
            {
                w *= factors[s][i];
            }

            sum += w;
            cumulative[i] = sum;
        }

        return (cumulative, sum);
    }

    private (double Lat, double Lon) Jitter(DemandPointSpec d, SeededRandom random)
    {
        for (var attempt = 0; attempt < JitterTries; attempt++)
        {
            var r = JitterKm * Math.Sqrt(random.NextDouble());
            var angle = 2 * Math.PI * random.NextDouble();
            var lat = Math.Round(d.Lat + (r * Math.Cos(angle) / KmPerDegree), 5);
            var lon = Math.Round(d.Lon + (r * Math.Sin(angle) / (KmPerDegree * Math.Max(0.01, Math.Cos(d.Lat * Math.PI / 180)))), 5);
            if (lat is >= -90 and <= 90 && lon is >= -180 and <= 180 && network.RegionIndexOf(lat, lon) == d.RegionIndex)
            {
                return (lat, lon);
            }
        }

        return (d.Lat, d.Lon);
    }

    private static double[] Normalize(double[] values)
    {
        var mean = values.Average();
        return [.. values.Select(v => v / mean)];
    }
}
