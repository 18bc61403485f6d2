using Dispatch.Solver.Documents;
using Dispatch.Solver.Simulation;

namespace Dispatch.Solver.Tests.Simulation;

/// <summary>Replayed calls and scenario requests for the simulation tests.</summary>
internal static class SimulationFixtures
{
    public static DateTimeOffset T0 { get; } = TestIncidents.MondayNoonShanghai;

    public static IncidentRequest Call(string id, double atMin, GeoPoint location, string fault = "stuck", string priority = "p3", string? tireSpec = null, string powertrain = "ice") => new()
    {
        Id = id,
        ReportedAt = T0.AddMinutes(atMin),
        Location = location,
        Fault = fault,
        Priority = priority,
        Vehicle = new VehicleDocument { Powertrain = powertrain, TireSpec = tireSpec },
    };

    public static ScenarioRequest Replay(NetworkDocument network, IEnumerable<IncidentRequest> calls, double? maxWaitMin = null, string? policy = null) => new()
    {
        Base = ScenarioBase.Of(network),
        Demand = new DemandDocument { Incidents = [.. calls] },
        MaxWaitMin = maxWaitMin,
        Policy = policy,
    };

    public static PreparedScenario Prepared(ScenarioRequest request)
    {
        var preparation = ScenarioRunner.Prepare(request, null);
        Assert.True(preparation.IsValid, string.Join("; ", preparation.Errors.Select(e => $"{e.Path}: {e.Message}")));
        return preparation.Scenario;
    }

    public static SimulationKpis RunScenario(ScenarioRequest request) => ScenarioRunner.Run(Prepared(request)).Scenario;

    public static ScenarioRequest Generated(NetworkDocument network, double days = 2, double ratePerDay = 200, long seed = 7, IReadOnlyList<SurgeDocument>? surges = null) => new()
    {
        Base = ScenarioBase.Of(network),
        Demand = new DemandDocument
        {
            Generate = new DemandGenerationDocument { Start = T0, Days = days, RatePerDay = ratePerDay, Seed = seed, Surges = surges },
        },
    };

    /// <summary>Two regions, a direct center with units of every kind at the base and a partner to the north,
    /// tyre stock, and demand points in both regions (R2 remote).</summary>
    public static NetworkDocument SmallWorld() =>
        NetworkBuilder.Create()
            .ChangeRegion(NetworkBuilder.NorthRegion, r => r with { Remote = true, CoverageStandardMin = 120, CoverageWeight = 2 })
            .Center("c-south", Places.Base, c => c
                .Resource("f-south", "flatbed").Resource("w-south", "wheel_lift").Resource("v-south", "service_van")
                .Stock("TIRE-225/45R18", 5).Stock("BATT-12V", 5))
            .Center("c-north", Places.NorthBase, c => c.Partner().Resource("f-north", "flatbed").Resource("v-north", "service_van").Stock("BATT-12V", 2))
            .DemandPoint("d-south", Places.North(Places.Base, 20), 10)
            .DemandPoint("d-south-far", Places.South(Places.Base, 80), 5)
            .DemandPoint("d-north", Places.North(Places.NorthBase, 40), 3)
            .Build();
}
