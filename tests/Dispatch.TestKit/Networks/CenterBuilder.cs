using Dispatch.Solver.Documents;

namespace Dispatch.TestKit.Networks;

/// <summary>One service center of a <see cref="NetworkBuilder"/>: direct, radius 1000 km (or the builder's
/// <see cref="NetworkBuilder.CenterRadius"/>), no stock by default.</summary>
public sealed class CenterBuilder
{
    public const double DefaultRadiusKm = 1000;

    private readonly string id;
    private readonly GeoPoint location;
    private readonly List<ResourceDocument> resources = [];
    private readonly Dictionary<string, StockLevel> stock = new(StringComparer.Ordinal);
    private string kind = "direct";
    private double serviceRadiusKm;

    internal CenterBuilder(string id, GeoPoint location, double serviceRadiusKm)
    {
        this.id = id;
        this.location = location;
        this.serviceRadiusKm = serviceRadiusKm;
    }

    public CenterBuilder Partner()
    {
        kind = "partner";
        return this;
    }

    public CenterBuilder Radius(double km)
    {
        serviceRadiusKm = km;
        return this;
    }

    /// <summary>Adds a resource; without <paramref name="position"/> it stands at the center.</summary>
    public CenterBuilder Resource(string resourceId, string type, GeoPoint? position = null, string status = "available")
    {
        resources.Add(new ResourceDocument { Id = resourceId, Type = type, Status = status, Position = position });
        return this;
    }

    public CenterBuilder Stock(string sku, int onHand, int reserved = 0)
    {
        stock[sku] = new StockLevel { OnHand = onHand, Reserved = reserved };
        return this;
    }

    internal CenterDocument Build() => new()
    {
        Id = id,
        Name = "Center " + id,
        Kind = kind,
        Location = location,
        ServiceRadiusKm = serviceRadiusKm,
        Resources = [.. resources],
        Stock = new Dictionary<string, StockLevel>(stock, StringComparer.Ordinal),
    };
}
