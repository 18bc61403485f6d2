using Dispatch.Solver.Documents;
using Dispatch.Solver.Validation;

namespace Dispatch.Solver.Tests.Validation;

public sealed class RuleValidationTests
{
    [Theory]
    [InlineData("allow", "must be 'deny' or 'partner_only' (was 'allow')")]
    [InlineData(null, "is required")]
    public void Validate_BadRuleKind_ReportsKind(string? kind, string message)
    {
        var document = ValidNetwork.Build().WithRule(0, r => r with { Kind = kind });

        ErrorAssert.Single(NetworkValidator.Validate(document), "rules[0].kind", message);
    }

    [Fact]
    public void Validate_EmptyRuleTypes_ReportsTypes()
    {
        var document = ValidNetwork.Build().WithRule(1, r => r with { Types = [] });

        ErrorAssert.Single(NetworkValidator.Validate(document), "rules[1].types", "at least one resource type");
    }

    [Fact]
    public void Validate_MissingRuleTypes_ReportsTypes()
    {
        var document = ValidNetwork.Build().WithRule(1, r => r with { Types = null });

        ErrorAssert.Single(NetworkValidator.Validate(document), "rules[1].types", "is required");
    }

    [Fact]
    public void Validate_UnknownRuleType_ReportsTheEntry()
    {
        var document = ValidNetwork.Build().WithRule(0, r => r with { Types = ["flatbed", "heavy_wrecker"] });

        ErrorAssert.Single(NetworkValidator.Validate(document), "rules[0].types[1]", "unknown resource type 'heavy_wrecker'");
    }

    [Fact]
    public void Validate_InvalidZone_ReportsZone()
    {
        const string open = """{"type":"Polygon","coordinates":[[[92,30],[94,30],[94,32],[92,32]]]}""";
        var document = ValidNetwork.Build().WithRule(0, r => r with { Zone = new GeoJsonValue(open) });

        ErrorAssert.Single(NetworkValidator.Validate(document), "rules[0].zone", "is not closed");
    }

    [Fact]
    public void Validate_ZoneOutsideEveryRegion_ReturnsNoErrors()
    {
        // A zone only narrows where a rule applies; it need not lie in the served area.
        const string far = """{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}""";
        var document = ValidNetwork.Build().WithRule(0, r => r with { Zone = new GeoJsonValue(far) });

        Assert.Empty(NetworkValidator.Validate(document));
    }

    [Theory]
    [InlineData("motorway")]
    [InlineData("Expressway")]
    [InlineData("")]
    public void Validate_UnknownScope_ReportsScope(string scope)
    {
        var document = ValidNetwork.Build().WithRule(1, r => r with { Scope = scope });

        ErrorAssert.Single(NetworkValidator.Validate(document), "rules[1].scope", "must be 'expressway'");
    }

    [Fact]
    public void Validate_RuleWithNeitherZoneNorScope_ReportsTheRule()
    {
        var document = ValidNetwork.Build().WithRule(0, r => r with { Zone = null });

        ErrorAssert.Single(NetworkValidator.Validate(document), "rules[0]", "needs a zone, a scope, or both");
    }

    [Fact]
    public void Validate_RuleWithZoneAndScope_ReturnsNoErrors()
    {
        var document = ValidNetwork.Build().WithRule(0, r => r with { Scope = "expressway" });

        Assert.Empty(NetworkValidator.Validate(document));
    }

    [Fact]
    public void Validate_DuplicateRuleId_ReportsTheSecond()
    {
        var document = ValidNetwork.Build().WithRule(1, r => r with { Id = "zone-no-tow" });

        ErrorAssert.Single(NetworkValidator.Validate(document), "rules[1].id", "duplicate rule id 'zone-no-tow' (first at rules[0].id)");
    }

    [Theory]
    [InlineData("24:00")]
    [InlineData("7:00")]
    [InlineData("07:60")]
    [InlineData("07-00")]
    [InlineData("")]
    public void Validate_BadWindowStart_ReportsStart(string start)
    {
        var document = ValidNetwork.Build().WithWindow(0, w => w with { Start = start });

        ErrorAssert.Single(NetworkValidator.Validate(document), "rules[0].window.start", "must be a time HH:mm from 00:00 to 23:59");
    }

    [Fact]
    public void Validate_MissingWindowEnd_ReportsEnd()
    {
        var document = ValidNetwork.Build().WithWindow(0, w => w with { End = null });

        ErrorAssert.Single(NetworkValidator.Validate(document), "rules[0].window.end", "is required");
    }

    [Fact]
    public void Validate_WindowStartEqualToEnd_ReportsEnd()
    {
        var document = ValidNetwork.Build().WithWindow(0, w => w with { Start = "07:00", End = "07:00" });

        ErrorAssert.Single(NetworkValidator.Validate(document), "rules[0].window.end", "must differ from start (07:00)");
    }

    [Fact]
    public void Validate_WindowWithBoundaryClocks_ReturnsNoErrors()
    {
        var document = ValidNetwork.Build().WithWindow(0, w => w with { Start = "00:00", End = "23:59" });

        Assert.Empty(NetworkValidator.Validate(document));
    }

    [Fact]
    public void Validate_DaysOutOfRange_ReportsEachDay()
    {
        var document = ValidNetwork.Build().WithWindow(0, w => w with { Days = [0, 1, 7, 8] });

        var errors = NetworkValidator.Validate(document);

        Assert.Equal(["rules[0].window.days[0]", "rules[0].window.days[3]"], errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.Contains("ISO weekday from 1 (Monday) to 7 (Sunday)", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EmptyOrAbsentDays_ReturnsNoErrors()
    {
        var document = ValidNetwork.Build()
            .WithWindow(0, w => w with { Days = [] })
            .WithRule(1, r => r with { Window = new RuleWindowDocument { Start = "08:00", End = "20:00" } });

        Assert.Empty(NetworkValidator.Validate(document));
    }

    [Fact]
    public void Validate_UnknownWindowTimeZone_ReportsTz()
    {
        var document = ValidNetwork.Build().WithWindow(0, w => w with { Tz = "Asia/Lhasa_City" });

        ErrorAssert.Single(NetworkValidator.Validate(document), "rules[0].window.tz", "unknown time zone 'Asia/Lhasa_City'");
    }

    [Fact]
    public void Validate_AbsentTzWithKnownDefault_ReturnsNoErrors()
    {
        var document = ValidNetwork.Build().WithWindow(0, w => w with { Tz = null });

        Assert.Empty(NetworkValidator.Validate(document));
    }

    [Fact]
    public void Validate_AbsentTzWithUnknownDefault_ReportsBoth()
    {
        var document = ValidNetwork.Build()
            .WithParameters(p => p with { TimeZone = "Nowhere/Nothing" })
            .WithWindow(0, w => w with { Tz = null });

        var errors = NetworkValidator.Validate(document);

        Assert.Equal(["parameters.timeZone", "rules[0].window.tz"], errors.Select(e => e.Path));
    }
}
