using Dispatch.Solver.Documents;
using Dispatch.Solver.Validation;

namespace Dispatch.Solver.Tests.Validation;

public sealed class ParametersValidationTests
{
    [Fact]
    public void Validate_UnknownTimeZone_ReportsTimeZone()
    {
        var document = ValidNetwork.Build().WithParameters(p => p with { TimeZone = "Mars/Olympus_Mons" });

        ErrorAssert.Single(NetworkValidator.Validate(document), "parameters.timeZone", "unknown time zone 'Mars/Olympus_Mons'");
    }

    [Theory]
    [InlineData("../zoneinfo/Asia/Shanghai")]
    [InlineData("/usr/share/zoneinfo/Asia/Shanghai")]
    [InlineData("Asia/../Asia/Shanghai")]
    [InlineData("Local")]
    public void Validate_TimeZoneThatIsNotAnIanaId_ReportsTimeZone(string zone)
    {
        var document = ValidNetwork.Build().WithParameters(p => p with { TimeZone = zone });

        ErrorAssert.Single(NetworkValidator.Validate(document), "parameters.timeZone", "unknown time zone");
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Asia/Urumqi")]
    [InlineData("Europe/Berlin")]
    public void Validate_IanaTimeZone_ReturnsNoErrors(string zone)
    {
        var document = ValidNetwork.Build().WithParameters(p => p with { TimeZone = zone });

        Assert.Empty(NetworkValidator.Validate(document));
    }

    [Fact]
    public void Validate_MissingTimeZone_ReportsTimeZone()
    {
        var document = ValidNetwork.Build().WithParameters(p => p with { TimeZone = null });

        ErrorAssert.Single(NetworkValidator.Validate(document), "parameters.timeZone", "is required");
    }

    [Fact]
    public void Validate_MissingResourceTypes_ReportsOnlyThatNotEveryReference()
    {
        var document = ValidNetwork.Build().WithParameters(p => p with { ResourceTypes = null });

        ErrorAssert.Single(NetworkValidator.Validate(document), "parameters.resourceTypes", "is required");
    }

    [Theory]
    [InlineData(0.0, "must be > 0 (was 0)")]
    [InlineData(-70.0, "must be > 0 (was -70)")]
    [InlineData(double.NaN, "must be a finite number")]
    [InlineData(double.PositiveInfinity, "must be a finite number")]
    public void Validate_BadSpeed_ReportsSpeedKmh(double speed, string message)
    {
        var document = ValidNetwork.Build().WithResourceType("flatbed", t => t with { SpeedKmh = speed });

        ErrorAssert.Single(NetworkValidator.Validate(document), "parameters.resourceTypes.flatbed.speedKmh", message);
    }

    [Fact]
    public void Validate_MissingSpeed_ReportsSpeedKmh()
    {
        var document = ValidNetwork.Build().WithResourceType("flatbed", t => t with { SpeedKmh = null });

        ErrorAssert.Single(NetworkValidator.Validate(document), "parameters.resourceTypes.flatbed.speedKmh", "is required");
    }

    [Fact]
    public void Validate_NegativeMobilization_ReportsMobilizationMin()
    {
        var document = ValidNetwork.Build().WithResourceType("wheel_lift", t => t with { MobilizationMin = -1 });

        ErrorAssert.Single(NetworkValidator.Validate(document), "parameters.resourceTypes.wheel_lift.mobilizationMin", "must be >= 0");
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "must not be empty")]
    [InlineData("  ", "must not be empty")]
    public void Validate_MissingCoverageClass_ReportsCoverageClass(string? coverageClass, string message)
    {
        var document = ValidNetwork.Build().WithResourceType("service_van", t => t with { CoverageClass = coverageClass });

        ErrorAssert.Single(NetworkValidator.Validate(document), "parameters.resourceTypes.service_van.coverageClass", message);
    }

    [Fact]
    public void Validate_NullResourceType_ReportsTheType()
    {
        var document = ValidNetwork.Build().WithParameters(p => p with { ResourceTypes = p.ResourceTypes!.With("crane", null!) });

        ErrorAssert.Single(NetworkValidator.Validate(document), "parameters.resourceTypes.crane", "is required");
    }

    [Fact]
    public void Validate_UnknownEvTowType_ReportsTheEntry()
    {
        var document = ValidNetwork.Build().WithParameters(p => p with { EvTowTypes = ["flatbed", "flatbd"] });

        ErrorAssert.Single(NetworkValidator.Validate(document), "parameters.evTowTypes[1]", "unknown resource type 'flatbd'");
    }

    [Fact]
    public void Validate_AbsentEvTowTypes_ReturnsNoErrors()
    {
        var document = ValidNetwork.Build().WithParameters(p => p with { EvTowTypes = null });

        Assert.Empty(NetworkValidator.Validate(document));
    }

    [Fact]
    public void Validate_MissingFaults_ReportsFaults()
    {
        var document = ValidNetwork.Build().WithParameters(p => p with { Faults = null });

        ErrorAssert.Single(NetworkValidator.Validate(document), "parameters.faults", "is required");
    }

    [Fact]
    public void Validate_FaultWithoutModes_ReturnsNoErrors()
    {
        var document = ValidNetwork.Build().WithParameters(p => p with { Faults = p.Faults!.With("stuck", []) });

        Assert.Empty(NetworkValidator.Validate(document));
    }

    [Fact]
    public void Validate_NullFaultModeList_ReportsTheFault()
    {
        var document = ValidNetwork.Build().WithParameters(p => p with { Faults = p.Faults!.With("stuck", null!) });

        ErrorAssert.Single(NetworkValidator.Validate(document), "parameters.faults.stuck", "is required");
    }

    [Fact]
    public void Validate_UnknownFaultModeType_ReportsTheEntry()
    {
        var document = ValidNetwork.Build().WithFaultMode("flat_tire", 0, m => m with { Types = ["service_van", "flatbd"] });

        ErrorAssert.Single(NetworkValidator.Validate(document), "parameters.faults.flat_tire[0].types[1]", "unknown resource type 'flatbd'");
    }

    [Fact]
    public void Validate_EmptyFaultModeTypes_ReportsTypes()
    {
        var document = ValidNetwork.Build().WithFaultMode("flat_tire", 1, m => m with { Types = [] });

        ErrorAssert.Single(NetworkValidator.Validate(document), "parameters.faults.flat_tire[1].types", "at least one resource type");
    }

    [Theory]
    [InlineData("repair", "must be 'onsite' or 'tow' (was 'repair')")]
    [InlineData("Tow", "must be 'onsite' or 'tow' (was 'Tow')")]
    [InlineData(null, "is required")]
    public void Validate_BadModeName_ReportsMode(string? mode, string message)
    {
        var document = ValidNetwork.Build().WithFaultMode("battery", 0, m => m with { Mode = mode });

        ErrorAssert.Single(NetworkValidator.Validate(document), "parameters.faults.battery[0].mode", message);
    }

    [Fact]
    public void Validate_DuplicateModeWithinFault_ReportsTheSecond()
    {
        var document = ValidNetwork.Build().WithFaultMode("flat_tire", 1, m => m with { Mode = "onsite" });

        ErrorAssert.Single(NetworkValidator.Validate(document), "parameters.faults.flat_tire[1].mode", "duplicate mode 'onsite'");
    }

    [Fact]
    public void Validate_SameModeInDifferentFaults_ReturnsNoErrors()
    {
        // flat_tire and battery both have an onsite mode in the valid network.
        Assert.Empty(NetworkValidator.Validate(ValidNetwork.Build()));
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData(-1.0, "must be >= 0")]
    [InlineData(double.NaN, "must be a finite number")]
    public void Validate_BadServiceMin_ReportsServiceMin(double? serviceMin, string message)
    {
        var document = ValidNetwork.Build().WithFaultMode("flat_tire", 0, m => m with { ServiceMin = serviceMin });

        ErrorAssert.Single(NetworkValidator.Validate(document), "parameters.faults.flat_tire[0].serviceMin", message);
    }

    [Fact]
    public void Validate_NegativePenaltyMin_ReportsPenaltyMin()
    {
        var document = ValidNetwork.Build().WithFaultMode("flat_tire", 1, m => m with { PenaltyMin = -30 });

        ErrorAssert.Single(NetworkValidator.Validate(document), "parameters.faults.flat_tire[1].penaltyMin", "must be >= 0");
    }

    [Fact]
    public void Validate_AbsentPenaltyMin_ReturnsNoErrors()
    {
        var document = ValidNetwork.Build().WithFaultMode("flat_tire", 1, m => m with { PenaltyMin = null });

        Assert.Empty(NetworkValidator.Validate(document));
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("TIRE-{size}", "unknown placeholder '{size}'")]
    [InlineData("TIRE-{tireSpec}-{vin}", "unknown placeholder '{vin}'")]
    [InlineData("TIRE-tireSpec}", "unmatched '}'")]
    [InlineData("TIRE-{tireSpec", "unknown placeholder '{tireSpec'")]
    public void Validate_BadPartTemplate_ReportsPart(string part, string message)
    {
        var document = ValidNetwork.Build().WithFaultMode("flat_tire", 0, m => m with { Part = part });

        ErrorAssert.Single(NetworkValidator.Validate(document), "parameters.faults.flat_tire[0].part", message);
    }

    [Theory]
    [InlineData("crossRegionPenaltyMin", -1.0, "must be >= 0")]
    [InlineData("crossRegionPenaltyMin", double.PositiveInfinity, "must be a finite number")]
    [InlineData("partnerPenaltyMin", -0.5, "must be >= 0")]
    [InlineData("partnerPenaltyMin", null, "is required")]
    [InlineData("coverageLambda", double.NaN, "must be a finite number")]
    [InlineData("coverageLambda", -2.0, "must be >= 0")]
    public void Validate_BadPenaltyOrLambda_ReportsTheMember(string member, double? value, string message)
    {
        var document = ValidNetwork.Build().WithParameters(p => member switch
        {
            "crossRegionPenaltyMin" => p with { CrossRegionPenaltyMin = value },
            "partnerPenaltyMin" => p with { PartnerPenaltyMin = value },
            _ => p with { CoverageLambda = value },
        });

        ErrorAssert.Single(NetworkValidator.Validate(document), "parameters." + member, message);
    }

    [Theory]
    [InlineData("priorityCoverageFactor")]
    [InlineData("priorityWeight")]
    [InlineData("unassignedPenaltyMin")]
    public void Validate_PriorityTableMissingAKey_ReportsTheTable(string member)
    {
        var document = EditTable(member, t => t.Without("p2"));

        ErrorAssert.Single(NetworkValidator.Validate(document), "parameters." + member, "missing priority 'p2'");
    }

    [Theory]
    [InlineData("priorityCoverageFactor")]
    [InlineData("priorityWeight")]
    [InlineData("unassignedPenaltyMin")]
    public void Validate_PriorityTableWithUnknownKey_ReportsTheKey(string member)
    {
        var document = EditTable(member, t => t.With("p4", 1));

        ErrorAssert.Single(NetworkValidator.Validate(document), $"parameters.{member}.p4", "unknown priority 'p4'");
    }

    [Theory]
    [InlineData(-1.0, "must be >= 0")]
    [InlineData(double.NaN, "must be a finite number")]
    [InlineData(double.NegativeInfinity, "must be a finite number")]
    public void Validate_PriorityTableWithBadValue_ReportsTheEntry(double value, string message)
    {
        var document = EditTable("unassignedPenaltyMin", t => t.With("p1", value));

        ErrorAssert.Single(NetworkValidator.Validate(document), "parameters.unassignedPenaltyMin.p1", message);
    }

    [Fact]
    public void Validate_MissingPriorityTable_ReportsTheTable()
    {
        var document = ValidNetwork.Build().WithParameters(p => p with { PriorityWeight = null });

        ErrorAssert.Single(NetworkValidator.Validate(document), "parameters.priorityWeight", "is required");
    }

    private static NetworkDocument EditTable(string member, Func<IReadOnlyDictionary<string, double>, IReadOnlyDictionary<string, double>> edit) =>
        ValidNetwork.Build().WithParameters(p => member switch
        {
            "priorityCoverageFactor" => p with { PriorityCoverageFactor = edit(p.PriorityCoverageFactor!) },
            "priorityWeight" => p with { PriorityWeight = edit(p.PriorityWeight!) },
            _ => p with { UnassignedPenaltyMin = edit(p.UnassignedPenaltyMin!) },
        });
}
