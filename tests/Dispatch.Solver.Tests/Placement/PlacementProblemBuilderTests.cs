using Dispatch.Solver.Documents;
using Dispatch.Solver.Geography;
using Dispatch.Solver.Placement;
using Dispatch.Solver.Tests.Validation;

namespace Dispatch.Solver.Tests.Placement;

/// <summary>The request of POST /v1/planning/placement against a network: inputs, the §3 travel formula, standards,
/// today's coverage (<c>existing</c>), and every bad input reported at its request path.</summary>
public sealed class PlacementProblemBuilderTests
{
    private static PlacementRequest Request(string model = "mclp", double k = 1) => new() { Model = model, K = k, ResourceType = "flatbed" };

    private static PlacementProblem BuildValid(NetworkDocument network, PlacementRequest request)
    {
        var build = PlacementProblemBuilder.Build(network, request);
        Assert.True(build.IsValid, string.Join("; ", build.Errors.Select(e => $"{e.Path}: {e.Message}")));
        return build.Problem!;
    }

    private static IReadOnlyList<Dispatch.Solver.Validation.ValidationError> Errors(NetworkDocument network, PlacementRequest request)
    {
        var build = PlacementProblemBuilder.Build(network, request);
        Assert.False(build.IsValid);
        return build.Errors;
    }

    [Fact]
    public void Build_Defaults_CentersNetworkDemandAndFormulaTimes()
    {
        var problem = BuildValid(PlacementNetworks.WithTwoCenters().Build(), Request("pmedian"));

        Assert.Equal(PlacementModel.PMedian, problem.Model);
        Assert.Equal(["c-south", "c-north"], problem.CandidateIds);
        Assert.Equal(["d-near", "d-far", "d-north"], problem.DemandIds);
        // Weights times the region's coverageWeight: R2 counts 2.5 times.
        Assert.Equal([4.0, 2.0, 7.5], problem.Weights);
        Assert.Equal(40, problem.Times[0][0], 6);
        Assert.Equal(110, problem.Times[0][1], 6);
        // To a point in R2 the region of the destination applies: 10 + 60 km * 1.5 / (60 * 0.5).
        var km = Haversine.Km(Places.Base.Lat, Places.Base.Lon, PlacementNetworks.NearNorth.Lat, PlacementNetworks.NearNorth.Lon);
        Assert.Equal(10 + (3 * km), problem.Times[0][2], 6);
        Assert.Equal(10 + (3 * 20), problem.Times[1][2], 6);
        Assert.Null(problem.Standards);
        Assert.Null(problem.PreCovered);
    }

    [Fact]
    public void Build_Mclp_StandardIsTheDemandRegionsOrStandardMin()
    {
        var network = PlacementNetworks.WithTwoCenters().Build();

        Assert.Equal([60.0, 60.0, 120.0], BuildValid(network, Request()).Standards);
        Assert.Equal([45.0, 45.0, 45.0], BuildValid(network, Request() with { StandardMin = 45 }).Standards);
    }

    [Fact]
    public void Build_SuppliedCandidatesAndDemand_UsesThemAsGiven()
    {
        var request = Request("pmedian") with
        {
            Candidates = PlacementCandidates.Of([new PlacementSite { Id = "new-1", Location = PlacementNetworks.FarSouth }]),
            Demand = [new PlacementDemandPoint { Id = "q", Location = PlacementNetworks.NearNorth, Weight = 2 }],
        };

        var problem = BuildValid(PlacementNetworks.WithTwoCenters().Build(), request);

        Assert.Equal(["new-1"], problem.CandidateIds);
        Assert.Equal(["q"], problem.DemandIds);
        // A supplied weight is taken as it is, not multiplied by the region's coverageWeight.
        Assert.Equal([2.0], problem.Weights);
        var km = Haversine.Km(PlacementNetworks.FarSouth.Lat, PlacementNetworks.FarSouth.Lon, PlacementNetworks.NearNorth.Lat, PlacementNetworks.NearNorth.Lon);
        Assert.Equal(10 + (3 * km), problem.Times[0][0], 6);
    }

    [Fact]
    public void Build_TravelMatrix_ItsSitesAndDemandInItsOrder()
    {
        var request = Request("mclp") with
        {
            TravelMatrix = new PlacementTravelMatrix { Sites = ["c-north", "c-south"], Demand = ["d-north", "d-near"], Minutes = [[1, 2], [3, 4]] },
        };

        var problem = BuildValid(PlacementNetworks.WithTwoCenters().Build(), request);

        Assert.Equal(["c-north", "c-south"], problem.CandidateIds);
        Assert.Equal(["d-north", "d-near"], problem.DemandIds);
        Assert.Equal([7.5, 4.0], problem.Weights);
        Assert.Equal([120.0, 60.0], problem.Standards);
        Assert.Equal([1.0, 2.0], problem.Times[0]);
        Assert.Equal([3.0, 4.0], problem.Times[1]);
    }

    [Fact]
    public void Build_TimeLimitMs_BecomesTheProblemsTimeLimit()
    {
        var problem = BuildValid(PlacementNetworks.WithTwoCenters().Build(), Request() with { TimeLimitMs = 1500 });

        Assert.Equal(TimeSpan.FromMilliseconds(1500), problem.TimeLimit);
    }

    [Fact]
    public void Build_ExistingMclp_DemandWithinStandardOfAnAvailableUnitIsPreCovered()
    {
        var problem = BuildValid(PlacementNetworks.WithTwoCenters().Build(), Request() with { Existing = true });

        // fb-south: 40 minutes to d-near (standard 60), 110 to d-far; the wheel-lift is another type.
        Assert.Equal([true, false, false], problem.PreCovered);
    }

    [Fact]
    public void Build_ExistingMclp_StandardMinAppliesToTodaysUnitsToo()
    {
        var problem = BuildValid(PlacementNetworks.WithTwoCenters().Build(), Request() with { Existing = true, StandardMin = 120 });

        Assert.Equal([true, true, false], problem.PreCovered);
    }

    [Fact]
    public void Build_ExistingMclp_OfflineUnitCoversNothing()
    {
        var network = PlacementNetworks.Create().Center("c-south", Places.Base, c => c.Resource("fb", "flatbed", status: "offline")).Build();

        Assert.Equal([false, false, false], BuildValid(network, Request() with { Existing = true }).PreCovered);
    }

    [Fact]
    public void Build_ExistingMclp_EtaFromTheUnitsPositionRadiusFromItsCenter()
    {
        // The unit stands at d-far: 10 minutes away, where its center (110 minutes away) is not within the standard.
        NetworkDocument Network(double radiusKm) => PlacementNetworks.Create()
            .Center("c-south", Places.Base, c => c.Radius(radiusKm).Resource("fb", "flatbed", position: PlacementNetworks.FarSouth))
            .Build();

        Assert.Equal([false, true, false], BuildValid(Network(150), Request() with { Existing = true }).PreCovered);
        // d-far is 100 km from the center: outside a 50 km service radius, wherever the unit stands.
        Assert.Equal([false, false, false], BuildValid(Network(50), Request() with { Existing = true }).PreCovered);
    }

    [Fact]
    public void Build_ExistingMclp_StaticDenyRuleBarsTheType()
    {
        var network = PlacementNetworks.WithTwoCenters()
            .Rule(new RuleDocument { Id = "no-tow", Kind = "deny", Types = ["flatbed"], Zone = Places.ZoneAround(PlacementNetworks.NearSouth) })
            .Build();

        Assert.Equal([false, false, false], BuildValid(network, Request() with { Existing = true }).PreCovered);
    }

    [Fact]
    public void Build_ExistingMclp_PartnerOnlyRulePassesPartnerUnits()
    {
        var rule = new RuleDocument { Id = "partners", Kind = "partner_only", Types = ["flatbed"], Zone = Places.ZoneAround(PlacementNetworks.NearSouth) };
        var direct = PlacementNetworks.WithTwoCenters().Rule(rule).Build();
        var partner = PlacementNetworks.Create().Center("c-south", Places.Base, c => c.Partner().Resource("fb", "flatbed")).Rule(rule).Build();

        Assert.Equal([false, false, false], BuildValid(direct, Request() with { Existing = true }).PreCovered);
        Assert.Equal([true, false, false], BuildValid(partner, Request() with { Existing = true }).PreCovered);
    }

    [Fact]
    public void Build_ExistingPMedian_TodaysBestEtaPerDemandPoint()
    {
        var without = BuildValid(PlacementNetworks.WithTwoCenters().Build(), Request("pmedian"));
        var with = BuildValid(PlacementNetworks.WithTwoCenters().Build(), Request("pmedian") with { Existing = true });

        // fb-south is today's only flatbed: 40 and 110 minutes to the R1 points, 10 + 3 x ~131 km to d-north.
        var km = Haversine.Km(Places.Base.Lat, Places.Base.Lon, PlacementNetworks.NearNorth.Lat, PlacementNetworks.NearNorth.Lon);
        var existing = with.ExistingTimes!;
        Assert.Equal(40, existing[0], 6);
        Assert.Equal(110, existing[1], 6);
        Assert.Equal(10 + (3 * km), existing[2], 6);
        Assert.Null(without.ExistingTimes);
        Assert.Equal(without.Times, with.Times);
        Assert.Null(with.PreCovered);
    }

    [Fact]
    public void Build_ExistingPMedian_NoUnitOfTheTypeMeansNoCap()
    {
        var network = PlacementNetworks.Create().Center("c-south", Places.Base, c => c.Resource("wl", "wheel_lift")).Build();

        var problem = BuildValid(network, Request("pmedian") with { Existing = true });

        Assert.All(problem.ExistingTimes!, t => Assert.Equal(double.PositiveInfinity, t));
    }

    [Fact]
    public void BuildAndSolve_TravelMatrixRequest_MatchesExhaustiveSearch()
    {
        var random = new Random(5);
        var builder = PlacementNetworks.Create();
        var centerIds = Enumerable.Range(0, 7).Select(i => $"c{i}").ToArray();
        foreach (var id in centerIds)
        {
            builder.Center(id, new GeoPoint(21 + (random.NextDouble() * 8), 101 + (random.NextDouble() * 8)));
        }

        var network = builder.Build();
        var minutes = centerIds.Select(_ => (IReadOnlyList<double>)[.. Enumerable.Range(0, 3).Select(_ => (double)random.Next(0, 200))]).ToArray();
        foreach (var model in new[] { "mclp", "pmedian" })
        {
            var request = Request(model, 2) with
            {
                TravelMatrix = new PlacementTravelMatrix { Sites = centerIds, Demand = ["d-near", "d-far", "d-north"], Minutes = minutes },
            };
            var problem = BuildValid(network, request);

            var solution = PlacementSolver.Solve(problem, TimeSpan.FromSeconds(10));

            Assert.True(solution.Optimal);
            Assert.Equal(PlacementBruteForce.Optimum(problem), solution.Objective, 9);
        }
    }

    [Fact]
    public void Build_UnknownResourceType_ErrorAtResourceType()
    {
        ErrorAssert.Single(Errors(PlacementNetworks.WithTwoCenters().Build(), Request() with { ResourceType = "hovercraft" }), "resourceType", "unknown resource type 'hovercraft'");
    }

    [Fact]
    public void Build_KLargerThanCandidates_ErrorAtK()
    {
        ErrorAssert.Single(Errors(PlacementNetworks.WithTwoCenters().Build(), Request(k: 3)), "k", "at most the number of candidate sites, 2 (was 3)");
    }

    [Theory]
    [InlineData(0.0, "at least 1")]
    [InlineData(1.5, "whole number")]
    [InlineData(-2.0, "must be >= 0")]
    public void Build_BadK_ErrorAtK(double k, string message)
    {
        ErrorAssert.Single(Errors(PlacementNetworks.WithTwoCenters().Build(), Request(k: k)), "k", message);
    }

    [Fact]
    public void Build_MissingFields_EachAtItsPath()
    {
        var errors = Errors(PlacementNetworks.WithTwoCenters().Build(), new PlacementRequest());

        ErrorAssert.Contains(errors, "model", "is required");
        ErrorAssert.Contains(errors, "k", "is required");
        ErrorAssert.Contains(errors, "resourceType", "is required");
    }

    [Fact]
    public void Build_UnknownModel_ErrorAtModel()
    {
        ErrorAssert.Single(Errors(PlacementNetworks.WithTwoCenters().Build(), Request("lscp")), "model", "must be mclp or pmedian");
    }

    [Fact]
    public void Build_MatrixWithTooFewRows_ErrorAtMinutes()
    {
        var request = Request() with { TravelMatrix = new PlacementTravelMatrix { Sites = ["c-south", "c-north"], Demand = ["d-near"], Minutes = [[1]] } };

        ErrorAssert.Single(Errors(PlacementNetworks.WithTwoCenters().Build(), request), "travelMatrix.minutes", "one row per site in travelMatrix.sites (2, was 1)");
    }

    [Fact]
    public void Build_MatrixRowOfTheWrongLength_ErrorAtThatRow()
    {
        var request = Request() with { TravelMatrix = new PlacementTravelMatrix { Sites = ["c-south", "c-north"], Demand = ["d-near", "d-far"], Minutes = [[1, 2], [3]] } };

        ErrorAssert.Single(Errors(PlacementNetworks.WithTwoCenters().Build(), request), "travelMatrix.minutes[1]", "one time per point in travelMatrix.demand (2, was 1)");
    }

    [Theory]
    [InlineData(-5.0, "must be >= 0")]
    [InlineData(double.NaN, "finite")]
    [InlineData(double.NegativeInfinity, "finite")]
    public void Build_MatrixWithBadTime_ErrorAtThatCell(double time, string message)
    {
        var request = Request() with { TravelMatrix = new PlacementTravelMatrix { Sites = ["c-south", "c-north"], Demand = ["d-near", "d-far"], Minutes = [[1, 2], [time, 4]] } };

        ErrorAssert.Single(Errors(PlacementNetworks.WithTwoCenters().Build(), request), "travelMatrix.minutes[1][0]", message);
    }

    [Fact]
    public void Build_MatrixNamingUnknownOrRepeatedIds_ErrorsAtThoseIds()
    {
        var request = Request() with { TravelMatrix = new PlacementTravelMatrix { Sites = ["c-south", "c-east"], Demand = ["d-near", "d-near"], Minutes = [[1, 2], [3, 4]] } };

        var errors = Errors(PlacementNetworks.WithTwoCenters().Build(), request);

        ErrorAssert.Contains(errors, "travelMatrix.sites[1]", "unknown candidate 'c-east'");
        ErrorAssert.Contains(errors, "travelMatrix.demand[1]", "duplicate demand point id 'd-near'");
    }

    [Fact]
    public void Build_SuppliedDemandOutsideEveryRegion_ErrorAtItsLocation()
    {
        var request = Request() with
        {
            Demand = [new PlacementDemandPoint { Id = "a", Location = Places.Base, Weight = 1 }, new PlacementDemandPoint { Id = "b", Location = Places.Nowhere, Weight = -1 }],
        };

        var errors = Errors(PlacementNetworks.WithTwoCenters().Build(), request);

        Assert.Equal(2, errors.Count);
        ErrorAssert.Contains(errors, "demand[1].weight", "must be >= 0");
        ErrorAssert.Contains(errors, "demand[1].location", "outside every region");
    }

    [Fact]
    public void Build_SuppliedCandidatesWithProblems_ErrorsAtTheirPaths()
    {
        var request = Request() with
        {
            Candidates = PlacementCandidates.Of([
                new PlacementSite { Id = "a", Location = Places.Base },
                new PlacementSite { Id = "a", Location = Places.Base },
                new PlacementSite { Id = "b", Location = new GeoPoint(95, 0) },
            ]),
        };

        var errors = Errors(PlacementNetworks.WithTwoCenters().Build(), request);

        ErrorAssert.Contains(errors, "candidates[1].id", "duplicate candidate id 'a'");
        ErrorAssert.Contains(errors, "candidates[2].location.lat", "from -90 to 90");
    }

    [Fact]
    public void Build_NonPositiveStandardAndTimeLimit_ErrorsAtTheirPaths()
    {
        var errors = Errors(PlacementNetworks.WithTwoCenters().Build(), Request() with { StandardMin = 0, TimeLimitMs = -1 });

        ErrorAssert.Contains(errors, "standardMin", "must be > 0");
        ErrorAssert.Contains(errors, "timeLimitMs", "must be > 0");
    }

    [Fact]
    public void Build_NetworkWithoutCenters_ErrorAtCandidates()
    {
        ErrorAssert.Single(Errors(PlacementNetworks.Create().Build(), Request()), "candidates", "no centers");
    }
}
