using Dispatch.Solver.Documents;
using Dispatch.Solver.Validation;

namespace Dispatch.Solver.Tests.Validation;

public sealed class StockValidationTests
{
    private const string Sku = "TIRE-255/45R20";
    private const string SkuPath = "centers[0].stock.TIRE-255/45R20";

    [Theory]
    [InlineData(2.5, 0.0, SkuPath + ".onHand", "must be a whole number (was 2.5)")]
    [InlineData(4.0, 0.25, SkuPath + ".reserved", "must be a whole number (was 0.25)")]
    [InlineData(-1.0, 0.0, SkuPath + ".onHand", "must be >= 0")]
    [InlineData(4.0, -1.0, SkuPath + ".reserved", "must be >= 0")]
    [InlineData(double.NaN, 0.0, SkuPath + ".onHand", "must be a finite number")]
    [InlineData(3e9, 0.0, SkuPath + ".onHand", "must be from 1E-06 to 1000000000 (was 3000000000)")]
    public void Validate_BadStockCount_ReportsTheCount(double onHand, double reserved, string path, string message)
    {
        var document = ValidNetwork.Build().WithStock(0, Sku, new StockLevel { OnHand = onHand, Reserved = reserved });

        ErrorAssert.Single(NetworkValidator.Validate(document), path, message);
    }

    [Fact]
    public void Validate_ReservedAboveOnHand_ReportsReserved()
    {
        var document = ValidNetwork.Build().WithStock(0, Sku, new StockLevel { OnHand = 4, Reserved = 5 });

        ErrorAssert.Single(NetworkValidator.Validate(document), SkuPath + ".reserved", "must be <= onHand (reserved 5, onHand 4)");
    }

    [Fact]
    public void Validate_ReservedEqualToOnHand_ReturnsNoErrors()
    {
        var document = ValidNetwork.Build().WithStock(0, Sku, new StockLevel { OnHand = 4, Reserved = 4 });

        Assert.Empty(NetworkValidator.Validate(document));
    }

    [Fact]
    public void Validate_MissingOnHand_ReportsOnHand()
    {
        var document = ValidNetwork.Build().WithStock(0, Sku, new StockLevel { Reserved = 0 });

        ErrorAssert.Single(NetworkValidator.Validate(document), SkuPath + ".onHand", "is required");
    }

    [Fact]
    public void Validate_AbsentReserved_MeansNothingReserved()
    {
        var document = ValidNetwork.Build().WithStock(0, Sku, new StockLevel { OnHand = 0 });

        Assert.Empty(NetworkValidator.Validate(document));
    }

    [Fact]
    public void Validate_NullStockLevel_ReportsTheSku()
    {
        var document = ValidNetwork.Build().WithStock(0, Sku, null);

        ErrorAssert.Single(NetworkValidator.Validate(document), SkuPath, "is required");
    }

    [Fact]
    public void Validate_EmptySku_ReportsTheKeyQuoted()
    {
        var document = ValidNetwork.Build().WithStock(1, "", new StockLevel { OnHand = 1 });

        ErrorAssert.Single(NetworkValidator.Validate(document), "centers[1].stock['']", "must not be empty");
    }

    [Fact]
    public void Validate_FractionalCountFromJson_ReportsTheCount()
    {
        var json = DocumentJson.Write(ValidNetwork.Build()).Replace("\"onHand\":4", "\"onHand\":4.5", StringComparison.Ordinal);

        var errors = NetworkValidator.Validate(DocumentJson.ParseNetwork(json));

        ErrorAssert.Single(errors, SkuPath + ".onHand", "must be a whole number (was 4.5)");
    }
}
