using Dispatch.Solver.Documents;
using Dispatch.Solver.Validation;

namespace Dispatch.Solver.Tests.Validation;

public sealed class ConflictValidationTests
{
    private const string Sku = "TIRE-255/45R20";

    [Fact]
    public void Validate_HeldResourceStillAssigned_ReturnsNoErrors()
    {
        var document = ValidNetwork.Build().WithResource(0, 0, r => r with { Status = "assigned" });

        Assert.Empty(NetworkValidator.Validate(document, Held("r-west-fb1")));
    }

    [Theory]
    [InlineData("available")]
    [InlineData("offline")]
    public void Validate_HeldResourceNotAssigned_ReportsConflictAtStatus(string status)
    {
        var document = ValidNetwork.Build().WithResource(0, 0, r => r with { Status = status });

        var error = ErrorAssert.Single(NetworkValidator.Validate(document, Held("r-west-fb1")), "centers[0].resources[0].status", "resource 'r-west-fb1' is held by an open incident and must stay 'assigned'");
        Assert.True(error.IsConflict);
    }

    [Fact]
    public void Validate_AssignedButNotHeld_ReportsConflictAtStatus()
    {
        var document = ValidNetwork.Build().WithResource(1, 0, r => r with { Status = "assigned" });

        var error = ErrorAssert.Single(NetworkValidator.Validate(document, Held()), "centers[1].resources[0].status", "not held by any open incident");
        Assert.True(error.IsConflict);
    }

    [Fact]
    public void Validate_HeldResourceRemoved_ReportsConflictAtCenters()
    {
        var document = ValidNetwork.Build().WithCenter(1, c => c with { Resources = [] });

        var error = ErrorAssert.Single(NetworkValidator.Validate(document, Held("r-east-wl1")), "centers", "resource 'r-east-wl1' is held by an open incident");
        Assert.True(error.IsConflict);
    }

    [Fact]
    public void Validate_ReservedBelowHeld_ReportsConflictAtReserved()
    {
        var document = ValidNetwork.Build().WithStock(0, Sku, new StockLevel { OnHand = 4, Reserved = 1 });

        var error = ErrorAssert.Single(NetworkValidator.Validate(document, null, Reservations(("c-west", Sku, 2))), "centers[0].stock.TIRE-255/45R20.reserved", "must be at least 2");
        Assert.True(error.IsConflict);
    }

    [Fact]
    public void Validate_ReservedEqualToHeld_ReturnsNoErrors()
    {
        var document = ValidNetwork.Build().WithStock(0, Sku, new StockLevel { OnHand = 4, Reserved = 2 });

        Assert.Empty(NetworkValidator.Validate(document, null, Reservations(("c-west", Sku, 2))));
    }

    [Fact]
    public void Validate_HeldSkuRemovedFromStock_ReportsConflictAtStock()
    {
        var document = ValidNetwork.Build().WithCenter(0, c => c with { Stock = c.Stock!.Without(Sku) });

        var error = ErrorAssert.Single(NetworkValidator.Validate(document, null, Reservations(("c-west", Sku, 1))), "centers[0].stock", $"SKU '{Sku}' has 1 reserved by open incidents");
        Assert.True(error.IsConflict);
    }

    [Fact]
    public void Validate_CenterWithHeldStockRemoved_ReportsConflictAtCenters()
    {
        var document = ValidNetwork.Build() with { Centers = [ValidNetwork.Build().Centers![0]] };

        var error = ErrorAssert.Single(NetworkValidator.Validate(document, null, Reservations(("c-east", "BATT-12V", 1))), "centers", "center 'c-east' has 1 of 'BATT-12V' reserved");
        Assert.True(error.IsConflict);
    }

    [Fact]
    public void Validate_ConflictAndPlainError_ReportsBothWithTheirFlags()
    {
        var document = ValidNetwork.Build()
            .WithResource(0, 0, r => r with { Status = "available" })
            .WithCenter(1, c => c with { ServiceRadiusKm = 0 });

        var errors = NetworkValidator.Validate(document, Held("r-west-fb1"));

        Assert.Equal(2, errors.Count);
        Assert.True(errors.Single(e => e.Path == "centers[0].resources[0].status").IsConflict);
        Assert.False(errors.Single(e => e.Path == "centers[1].serviceRadiusKm").IsConflict);
    }

    private static HashSet<string> Held(params string[] ids) => new(ids, StringComparer.Ordinal);

    private static Dictionary<(string CenterId, string Sku), int> Reservations(params (string Center, string Sku, int Count)[] held) =>
        held.ToDictionary(h => (h.Center, h.Sku), h => h.Count);
}
