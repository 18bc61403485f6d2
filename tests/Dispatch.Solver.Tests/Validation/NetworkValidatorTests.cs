using Dispatch.Solver.Documents;
using Dispatch.Solver.Validation;

namespace Dispatch.Solver.Tests.Validation;

public sealed class NetworkValidatorTests
{
    [Fact]
    public void Validate_ValidDocument_ReturnsNoErrors()
    {
        Assert.Empty(NetworkValidator.Validate(ValidNetwork.Build()));
    }

    [Fact]
    public void Validate_ValidDocumentRoundTrippedThroughJson_ReturnsNoErrors()
    {
        var json = DocumentJson.Write(ValidNetwork.Build());

        Assert.Empty(NetworkValidator.Validate(DocumentJson.ParseNetwork(json)));
    }

    [Fact]
    public void Validate_NullDocument_ReportsTheRoot()
    {
        ErrorAssert.Single(NetworkValidator.Validate(null), "", "required");
    }

    [Theory]
    [InlineData("parameters")]
    [InlineData("regions")]
    [InlineData("centers")]
    public void Validate_MissingRequiredMember_ReportsIt(string member)
    {
        var document = member switch
        {
            "parameters" => ValidNetwork.Build() with { Parameters = null },
            "regions" => ValidNetwork.Build() with { Regions = null },
            _ => ValidNetwork.Build() with { Centers = null },
        };

        ErrorAssert.Single(NetworkValidator.Validate(document), member, "is required");
    }

    [Fact]
    public void Validate_AbsentDemandPointsAndRules_ReturnsNoErrors()
    {
        var document = ValidNetwork.Build() with { DemandPoints = null, Rules = null };

        Assert.Empty(NetworkValidator.Validate(document));
    }

    [Fact]
    public void Validate_EmptyListsEverywhere_ReturnsNoErrors()
    {
        var document = ValidNetwork.Build() with { Regions = [], Centers = [], DemandPoints = [], Rules = [] };

        Assert.Empty(NetworkValidator.Validate(document));
    }

    [Fact]
    public void Validate_NullListElements_ReportsEachByIndex()
    {
        var document = ValidNetwork.Build() with
        {
            Centers = ValidNetwork.Build().Centers!.Append(null!),
            DemandPoints = ValidNetwork.Build().DemandPoints!.Append(null!),
            Rules = ValidNetwork.Build().Rules!.Append(null!),
        };

        var errors = NetworkValidator.Validate(document);

        Assert.Equal(["centers[2]", "demandPoints[2]", "rules[2]"], errors.Select(e => e.Path));
    }

    [Fact]
    public void Validate_ManyErrors_ReportsEveryOne()
    {
        var document = ValidNetwork.Build()
            .WithParameters(p => p with { TimeZone = "Mars/Olympus_Mons", CoverageLambda = double.NaN })
            .WithResourceType("flatbed", t => t with { SpeedKmh = 0 })
            .WithFaultMode("flat_tire", 1, m => m with { Types = ["flatbed", "flatbd"] })
            .WithRegion(1, r => r with { Circuity = 0.5 })
            .WithCenter(0, c => c with { Kind = "franchise" })
            .WithResource(1, 0, r => r with { Id = "r-west-fb1", Type = "crane" })
            .WithStock(0, "TIRE-255/45R20", new StockLevel { OnHand = 1, Reserved = 2 })
            .WithDemandPoint(0, d => d with { Location = new GeoPoint(50, 95) })
            .WithRule(1, r => r with { Scope = null })
            .WithWindow(0, w => w with { Days = [0] });

        var errors = NetworkValidator.Validate(document);

        string[] expected =
        [
            "parameters.timeZone",
            "parameters.resourceTypes.flatbed.speedKmh",
            "parameters.faults.flat_tire[1].types[1]",
            "parameters.coverageLambda",
            "regions[1].circuity",
            "centers[0].kind",
            "centers[0].stock.TIRE-255/45R20.reserved",
            "centers[1].resources[0].id",
            "centers[1].resources[0].type",
            "demandPoints[0].location",
            "rules[0].window.days[0]",
            "rules[1]",
        ];
        Assert.Equal(expected, errors.Select(e => e.Path));
        Assert.DoesNotContain(errors, e => e.IsConflict);
    }
}
