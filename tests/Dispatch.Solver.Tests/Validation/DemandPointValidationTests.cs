using Dispatch.Solver.Documents;
using Dispatch.Solver.Validation;

namespace Dispatch.Solver.Tests.Validation;

public sealed class DemandPointValidationTests
{
    [Fact]
    public void Validate_DemandPointOutsideEveryRegion_ReportsLocation()
    {
        var document = ValidNetwork.Build().WithDemandPoint(1, d => d with { Location = new GeoPoint(20, 104) });

        ErrorAssert.Single(NetworkValidator.Validate(document), "demandPoints[1].location", "outside every region");
    }

    [Fact]
    public void Validate_DemandPointLocationOutOfRange_ReportsTheComponent()
    {
        var document = ValidNetwork.Build().WithDemandPoint(0, d => d with { Location = new GeoPoint(-91, 95) });

        ErrorAssert.Single(NetworkValidator.Validate(document), "demandPoints[0].location.lat", "from -90 to 90 (was -91)");
    }

    [Fact]
    public void Validate_MissingDemandPointLocation_ReportsLocation()
    {
        var document = ValidNetwork.Build().WithDemandPoint(0, d => d with { Location = null });

        ErrorAssert.Single(NetworkValidator.Validate(document), "demandPoints[0].location", "is required");
    }

    [Theory]
    [InlineData(-0.5, "must be >= 0")]
    [InlineData(double.NaN, "must be a finite number")]
    [InlineData(null, "is required")]
    public void Validate_BadWeight_ReportsWeight(double? weight, string message)
    {
        var document = ValidNetwork.Build().WithDemandPoint(0, d => d with { Weight = weight });

        ErrorAssert.Single(NetworkValidator.Validate(document), "demandPoints[0].weight", message);
    }

    [Fact]
    public void Validate_DuplicateDemandPointId_ReportsTheSecond()
    {
        var document = ValidNetwork.Build().WithDemandPoint(1, d => d with { Id = "d-west" });

        ErrorAssert.Single(NetworkValidator.Validate(document), "demandPoints[1].id", "duplicate demand point id 'd-west' (first at demandPoints[0].id)");
    }

    [Fact]
    public void Validate_MissingDemandPointId_ReportsId()
    {
        var document = ValidNetwork.Build().WithDemandPoint(1, d => d with { Id = null });

        ErrorAssert.Single(NetworkValidator.Validate(document), "demandPoints[1].id", "is required");
    }
}
