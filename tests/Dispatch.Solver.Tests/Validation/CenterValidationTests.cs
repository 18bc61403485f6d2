using Dispatch.Solver.Documents;
using Dispatch.Solver.Validation;

namespace Dispatch.Solver.Tests.Validation;

public sealed class CenterValidationTests
{
    [Theory]
    [InlineData("franchise", "must be 'direct' or 'partner' (was 'franchise')")]
    [InlineData(null, "is required")]
    public void Validate_BadCenterKind_ReportsKind(string? kind, string message)
    {
        var document = ValidNetwork.Build().WithCenter(0, c => c with { Kind = kind });

        ErrorAssert.Single(NetworkValidator.Validate(document), "centers[0].kind", message);
    }

    [Theory]
    [InlineData(91.0, 91.0, "centers[0].location.lat", "from -90 to 90")]
    [InlineData(double.NaN, 91.0, "centers[0].location.lat", "from -90 to 90 (was NaN)")]
    [InlineData(30.0, -181.0, "centers[0].location.lon", "from -180 to 180")]
    [InlineData(30.0, double.PositiveInfinity, "centers[0].location.lon", "from -180 to 180")]
    public void Validate_CenterLocationOutOfRange_ReportsTheComponent(double lat, double lon, string path, string message)
    {
        var document = ValidNetwork.Build().WithCenter(0, c => c with { Location = new GeoPoint(lat, lon) });

        ErrorAssert.Single(NetworkValidator.Validate(document), path, message);
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("+86 891\n555")]
    [InlineData("+86 891 555 0100 0100 0100 0100 0100 0100 01")]
    public void Validate_BadCenterPhone_ReportsPhone(string phone)
    {
        var document = ValidNetwork.Build().WithCenter(0, c => c with { Phone = phone });

        Assert.Equal(["centers[0].phone"], NetworkValidator.Validate(document).Select(e => e.Path));
    }

    [Fact]
    public void Validate_CenterPhone_IsValidAndRoundTrips()
    {
        var document = ValidNetwork.Build().WithCenter(0, c => c with { Phone = "+86 891 555 0100" });

        Assert.Empty(NetworkValidator.Validate(document));
        Assert.Equal("+86 891 555 0100", DocumentJson.ParseNetwork(DocumentJson.Write(document)).Centers![0].Phone);
    }

    [Fact]
    public void Validate_MissingCenterLocation_ReportsLocation()
    {
        var document = ValidNetwork.Build().WithCenter(0, c => c with { Location = null });

        ErrorAssert.Single(NetworkValidator.Validate(document), "centers[0].location", "is required");
    }

    [Fact]
    public void Validate_CenterOutsideEveryRegion_ReportsLocation()
    {
        var document = ValidNetwork.Build().WithCenter(1, c => c with { Location = new GeoPoint(40, 105) });

        ErrorAssert.Single(NetworkValidator.Validate(document), "centers[1].location", "(40, 105) is outside every region");
    }

    [Theory]
    [InlineData(30.0, 100.0)] // on the edge the two regions share
    [InlineData(28.0, 95.0)] // on the outer edge of the west region
    [InlineData(36.0, 110.0)] // on a corner
    public void Validate_CenterOnRegionBoundary_CountsAsInside(double lat, double lon)
    {
        var document = ValidNetwork.Build().WithCenter(0, c => c with { Location = new GeoPoint(lat, lon) });

        Assert.Empty(NetworkValidator.Validate(document));
    }

    [Fact]
    public void Validate_RegionGeometryBroken_DoesNotJudgeContainment()
    {
        // The east center would lie in the broken region: only the geometry is reported, not a spurious "outside".
        var document = ValidNetwork.Build().WithRegion(1, r => r with { Geometry = null });

        ErrorAssert.Single(NetworkValidator.Validate(document), "regions[1].geometry", "is required");
    }

    [Theory]
    [InlineData(0.0, "must be > 0")]
    [InlineData(-10.0, "must be > 0")]
    [InlineData(double.NaN, "must be a finite number")]
    [InlineData(null, "is required")]
    public void Validate_BadServiceRadius_ReportsServiceRadiusKm(double? radius, string message)
    {
        var document = ValidNetwork.Build().WithCenter(1, c => c with { ServiceRadiusKm = radius });

        ErrorAssert.Single(NetworkValidator.Validate(document), "centers[1].serviceRadiusKm", message);
    }

    [Fact]
    public void Validate_DuplicateCenterId_ReportsTheSecond()
    {
        var document = ValidNetwork.Build().WithCenter(1, c => c with { Id = "c-west" });

        ErrorAssert.Single(NetworkValidator.Validate(document), "centers[1].id", "duplicate center id 'c-west' (first at centers[0].id)");
    }

    [Fact]
    public void Validate_CenterIdsDifferingOnlyInCase_AreDistinct()
    {
        var document = ValidNetwork.Build().WithCenter(1, c => c with { Id = "C-WEST" });

        Assert.Empty(NetworkValidator.Validate(document));
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData(" ", "must not be empty")]
    [InlineData("c-\tx", "must not contain control characters")]
    public void Validate_BadCenterId_ReportsId(string? id, string message)
    {
        var document = ValidNetwork.Build().WithCenter(1, c => c with { Id = id });

        ErrorAssert.Single(NetworkValidator.Validate(document), "centers[1].id", message);
    }

    [Fact]
    public void Validate_AbsentResourcesAndStock_ReturnsNoErrors()
    {
        var document = ValidNetwork.Build().WithCenter(1, c => c with { Resources = null, Stock = null });

        Assert.Empty(NetworkValidator.Validate(document));
    }

    [Fact]
    public void Validate_UnknownResourceType_ReportsType()
    {
        var document = ValidNetwork.Build().WithResource(1, 0, r => r with { Type = "flatbd" });

        ErrorAssert.Single(NetworkValidator.Validate(document), "centers[1].resources[0].type", "unknown resource type 'flatbd'");
    }

    [Fact]
    public void Validate_MissingResourceType_ReportsType()
    {
        var document = ValidNetwork.Build().WithResource(0, 1, r => r with { Type = null });

        ErrorAssert.Single(NetworkValidator.Validate(document), "centers[0].resources[1].type", "is required");
    }

    [Fact]
    public void Validate_DuplicateResourceIdAcrossCenters_ReportsTheSecond()
    {
        var document = ValidNetwork.Build().WithResource(1, 0, r => r with { Id = "r-west-fb1" });

        ErrorAssert.Single(NetworkValidator.Validate(document), "centers[1].resources[0].id", "duplicate resource id 'r-west-fb1' (first at centers[0].resources[0].id)");
    }

    [Fact]
    public void Validate_ResourceIdEqualToACenterId_ReturnsNoErrors()
    {
        // Ids are unique within their kind only.
        var document = ValidNetwork.Build().WithResource(1, 0, r => r with { Id = "c-east" });

        Assert.Empty(NetworkValidator.Validate(document));
    }

    [Fact]
    public void Validate_AbsentResourceStatus_MeansAvailable()
    {
        var document = ValidNetwork.Build();
        var center = document.Centers![0];
        var resources = center.Resources!.Select(r => r with { Status = null }).ToList();
        document = document with { Centers = [center with { Resources = resources }, .. document.Centers.Skip(1)] };

        Assert.Empty(NetworkValidator.Validate(document));
    }

    [Theory]
    [InlineData("broken", "must be 'available' or 'offline' (was 'broken')")]
    [InlineData("Available", "must be 'available' or 'offline' (was 'Available')")]
    public void Validate_BadResourceStatus_ReportsStatus(string? status, string message)
    {
        var document = ValidNetwork.Build().WithResource(0, 0, r => r with { Status = status });

        ErrorAssert.Single(NetworkValidator.Validate(document), "centers[0].resources[0].status", message);
    }

    [Fact]
    public void Validate_AssignedWithoutLiveState_IsAPlainError()
    {
        var document = ValidNetwork.Build().WithResource(0, 0, r => r with { Status = "assigned" });

        var error = ErrorAssert.Single(NetworkValidator.Validate(document), "centers[0].resources[0].status", "only for a resource that an open incident holds");
        Assert.False(error.IsConflict);
    }

    [Fact]
    public void Validate_ResourcePositionOutOfRange_ReportsPosition()
    {
        var document = ValidNetwork.Build().WithResource(0, 1, r => r with { Position = new GeoPoint(31, 200) });

        ErrorAssert.Single(NetworkValidator.Validate(document), "centers[0].resources[1].position.lon", "from -180 to 180 (was 200)");
    }

    [Fact]
    public void Validate_ResourcePositionOutsideRegions_ReturnsNoErrors()
    {
        // A unit may be away from the served area (returning from a job); only centers and demand points must be inside.
        var document = ValidNetwork.Build().WithResource(0, 1, r => r with { Position = new GeoPoint(45, 120) });

        Assert.Empty(NetworkValidator.Validate(document));
    }

    [Fact]
    public void Validate_NullResource_ReportsIt()
    {
        var document = ValidNetwork.Build().WithCenter(1, c => c with { Resources = c.Resources!.Append(null!) });

        ErrorAssert.Single(NetworkValidator.Validate(document), "centers[1].resources[1]", "is required");
    }
}
