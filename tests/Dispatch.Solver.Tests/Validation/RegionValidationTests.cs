using Dispatch.Solver.Documents;
using Dispatch.Solver.Validation;

namespace Dispatch.Solver.Tests.Validation;

public sealed class RegionValidationTests
{
    [Fact]
    public void Validate_RingNotClosed_ReportsGeometry()
    {
        const string open = """{"type":"Polygon","coordinates":[[[100,28],[110,28],[110,36],[100,36],[100,29]]]}""";
        var document = ValidNetwork.Build().WithRegion(1, r => r with { Geometry = new GeoJsonValue(open) });

        ErrorAssert.Single(NetworkValidator.Validate(document), "regions[1].geometry", "is not closed");
    }

    [Fact]
    public void Validate_SelfIntersectingPolygon_ReportsGeometry()
    {
        const string bowtie = """{"type":"Polygon","coordinates":[[[100,28],[110,36],[110,28],[100,36],[100,28]]]}""";
        var document = ValidNetwork.Build().WithRegion(1, r => r with { Geometry = new GeoJsonValue(bowtie) });

        ErrorAssert.Single(NetworkValidator.Validate(document), "regions[1].geometry", "invalid polygon");
    }

    [Fact]
    public void Validate_PointGeometry_ReportsGeometry()
    {
        var document = ValidNetwork.Build().WithRegion(0, r => r with { Geometry = new GeoJsonValue("""{"type":"Point","coordinates":[91,30]}""") });

        ErrorAssert.Single(NetworkValidator.Validate(document), "regions[0].geometry", "Polygon or MultiPolygon");
    }

    [Fact]
    public void Validate_MissingGeometry_ReportsGeometry()
    {
        var document = ValidNetwork.Build().WithRegion(0, r => r with { Geometry = null });

        ErrorAssert.Single(NetworkValidator.Validate(document), "regions[0].geometry", "is required");
    }

    [Fact]
    public void Validate_MultiPolygonPartsSharingAnEdge_ReportsGeometry()
    {
        const string twoParts = """
            {"type":"MultiPolygon","coordinates":[
              [[[100,28],[105,28],[105,36],[100,36],[100,28]]],
              [[[105,28],[110,28],[110,36],[105,36],[105,28]]]]}
            """;
        var document = ValidNetwork.Build().WithRegion(1, r => r with { Geometry = new GeoJsonValue(twoParts) });

        // The two parts touch along 105°E, which a valid MultiPolygon allows only at points; NTS reports it.
        var errors = NetworkValidator.Validate(document);

        ErrorAssert.Single(errors, "regions[1].geometry", "invalid polygon");
    }

    [Fact]
    public void Validate_DisjointMultiPolygonRegion_ReturnsNoErrors()
    {
        const string twoParts = """
            {"type":"MultiPolygon","coordinates":[
              [[[100,28],[104,28],[104,36],[100,36],[100,28]]],
              [[[104.5,28],[110,28],[110,36],[104.5,36],[104.5,28]]]]}
            """;
        var document = ValidNetwork.Build().WithRegion(1, r => r with { Geometry = new GeoJsonValue(twoParts) });

        Assert.Empty(NetworkValidator.Validate(document));
    }

    [Theory]
    [InlineData("coverageStandardMin", 0.0, "must be > 0")]
    [InlineData("coverageStandardMin", null, "is required")]
    [InlineData("coverageWeight", -0.1, "must be >= 0")]
    [InlineData("coverageWeight", double.NaN, "must be a finite number")]
    [InlineData("circuity", 0.99, "must be >= 1 (was 0.99)")]
    [InlineData("speedFactor", 0.0, "must be > 0")]
    [InlineData("speedFactor", double.PositiveInfinity, "must be a finite number")]
    public void Validate_BadRegionFigure_ReportsTheMember(string member, double? value, string message)
    {
        var document = ValidNetwork.Build().WithRegion(1, r => member switch
        {
            "coverageStandardMin" => r with { CoverageStandardMin = value },
            "coverageWeight" => r with { CoverageWeight = value },
            "circuity" => r with { Circuity = value },
            _ => r with { SpeedFactor = value },
        });

        ErrorAssert.Single(NetworkValidator.Validate(document), "regions[1]." + member, message);
    }

    [Fact]
    public void Validate_CircuityOfExactlyOne_ReturnsNoErrors()
    {
        var document = ValidNetwork.Build().WithRegion(1, r => r with { Circuity = 1 });

        Assert.Empty(NetworkValidator.Validate(document));
    }

    [Fact]
    public void Validate_DuplicateRegionCode_ReportsTheSecond()
    {
        var document = ValidNetwork.Build().WithRegion(1, r => r with { Code = "540000" });

        ErrorAssert.Single(NetworkValidator.Validate(document), "regions[1].code", "duplicate region code '540000' (first at regions[0].code)");
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "must not be empty")]
    [InlineData("51\u00000000", "must not contain control characters")]
    public void Validate_BadRegionCode_ReportsCode(string? code, string message)
    {
        var document = ValidNetwork.Build().WithRegion(1, r => r with { Code = code });

        ErrorAssert.Single(NetworkValidator.Validate(document), "regions[1].code", message);
    }

    [Fact]
    public void Validate_RegionCodeLongerThan128_ReportsCode()
    {
        var document = ValidNetwork.Build().WithRegion(1, r => r with { Code = new string('7', 129) });

        ErrorAssert.Single(NetworkValidator.Validate(document), "regions[1].code", "at most 128 characters");
    }

    [Fact]
    public void Validate_RegionCodeOf128_ReturnsNoErrors()
    {
        var document = ValidNetwork.Build().WithRegion(1, r => r with { Code = new string('7', 128) });

        Assert.Empty(NetworkValidator.Validate(document));
    }
}
