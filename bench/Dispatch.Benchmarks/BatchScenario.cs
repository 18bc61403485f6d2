using Dispatch.Solver.Batch;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Benchmarks;

/// <summary>A surge on the synthetic national network: the engine, the open incidents, and the solver settings.</summary>
public sealed class BatchScenario
{
    private BatchScenario(string name, DispatchEngine engine, (string Id, Incident Incident)[] incidents, BatchSolverSettings settings)
    {
        Name = name;
        Engine = engine;
        Incidents = incidents;
        Settings = settings;
    }

    public string Name { get; }

    public DispatchEngine Engine { get; }

    public (string Id, Incident Incident)[] Incidents { get; }

    public BatchSolverSettings Settings { get; }

    public const string Regional = "200 incidents x 3,000 units";
    public const string National = "1,000 incidents x 20,000 units";

    public static BatchScenario Create(string name) => name switch
    {
        // 300 centers of 10 units; a snowstorm around one eastern city, so that units are contended.
        Regional => new BatchScenario(
            name,
            DispatchEngine.Create(SyntheticNetwork.Create(centers: 300, resourcesPerCenter: 10, demandPoints: 3_000)),
            Surge(200, new GeoPoint(31.5, 118.5), 250, seed: 11),
            new BatchSolverSettings { TimeLimit = TimeSpan.FromSeconds(10), Workers = 2, Seed = 1 }),

        // The full national network; half the calls from three storm areas, half spread as usual demand.
        National => new BatchScenario(
            name,
            DispatchEngine.Create(SyntheticNetwork.Create()),
            [
                .. Surge(200, new GeoPoint(31.5, 118.5), 250, seed: 21),
                .. Surge(150, new GeoPoint(39.9, 116.4), 250, seed: 22, firstId: 200),
                .. Surge(150, new GeoPoint(43.8, 87.6), 400, seed: 23, firstId: 350),
                .. SyntheticNetwork.Incidents(500, seed: 24).Select((incident, i) => ($"n{i:D4}", incident)),
            ],
            new BatchSolverSettings { TimeLimit = TimeSpan.FromSeconds(5), Workers = 2, Seed = 1 }),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown batch scenario"),
    };

    /// <summary>Incidents drawn with the usual fault, powertrain and priority mix, placed uniformly in a disc.</summary>
    private static (string Id, Incident Incident)[] Surge(int count, GeoPoint centre, double radiusKm, int seed, int firstId = 0)
    {
        var random = new Random(seed);
        var mix = SyntheticNetwork.Incidents(count, seed);
        var result = new (string, Incident)[count];
        for (var i = 0; i < count; i++)
        {
            var km = radiusKm * Math.Sqrt(random.NextDouble());
            var bearing = 2 * Math.PI * random.NextDouble();
            var lat = centre.Lat + (km * Math.Cos(bearing) / 111.2);
            var lon = centre.Lon + (km * Math.Sin(bearing) / (111.2 * Math.Cos(centre.Lat * Math.PI / 180)));
            result[i] = ($"s{firstId + i:D4}", mix[i] with { Location = new GeoPoint(lat, lon) });
        }

        return result;
    }
}
