using Dispatch.DemoNetwork.Geography;
using Dispatch.Solver.Documents;
using NetTopologySuite.Geometries;

namespace Dispatch.DemoNetwork.Generation;

/// <summary>The access rules of the demo network: a protected zone, expressway towing, a city core by day.</summary>
public static class AccessRules
{
    public const string ChangtangId = "changtang-reserve";
    public const string ExpresswayTowId = "expressway-tow-partner";
    public const string BeijingCoreId = "beijing-core-heavy-day";
    public const string ShanghaiCoreId = "shanghai-core-heavy-day";

    /// <summary>The Changtang plateau of northern Tibet (Ngari and Nagqu north of about 32.4°N), drawn
    /// by hand around the reserve: no towns, permits needed, own tow trucks not sent.</summary>
    public static Polygon ChangtangZone { get; } = PolygonOf(
        (80.3, 34.3), (80.9, 33.3), (82.0, 32.7), (84.0, 32.5), (86.5, 32.4), (89.0, 32.4), (90.8, 32.7),
        (91.6, 33.6), (91.2, 34.8), (89.8, 35.6), (87.0, 35.9), (84.0, 35.9), (81.5, 35.6));

    /// <summary>Beijing inside about the 5th Ring Road.</summary>
    public static Polygon BeijingCore { get; } = PolygonOf(
        (116.21, 39.83), (116.27, 39.77), (116.40, 39.76), (116.53, 39.79), (116.56, 39.90),
        (116.53, 40.00), (116.41, 40.03), (116.28, 40.01), (116.20, 39.94));

    /// <summary>Shanghai inside about the Outer Ring (S20).</summary>
    public static Polygon ShanghaiCore { get; } = PolygonOf(
        (121.33, 31.13), (121.45, 31.08), (121.58, 31.12), (121.66, 31.22), (121.58, 31.34),
        (121.45, 31.37), (121.34, 31.31), (121.31, 31.22));

    public static List<RuleDocument> Build() =>
    [
        new RuleDocument
        {
            Id = ChangtangId,
            Kind = "partner_only",
            Types = FleetCatalog.TowTypes,
            Zone = Zone(ChangtangZone),
            Description = "Changtang protected high-plateau zone: own tow trucks are not sent; licensed local partner operators may go.",
        },
        new RuleDocument
        {
            Id = ExpresswayTowId,
            Kind = "partner_only",
            Types = FleetCatalog.TowTypes,
            Scope = "expressway",
            Description = "Towing on expressways is reserved to the partner operators contracted by the expressway companies.",
        },
        new RuleDocument
        {
            Id = BeijingCoreId,
            Kind = "deny",
            Types = [FleetCatalog.HeavyWrecker],
            Zone = Zone(BeijingCore),
            Window = new RuleWindowDocument { Start = "07:00", End = "22:00", Tz = "Asia/Shanghai" },
            Description = "Heavy trucks are barred inside Beijing's 5th Ring Road from 07:00 to 22:00.",
        },
        new RuleDocument
        {
            Id = ShanghaiCoreId,
            Kind = "deny",
            Types = [FleetCatalog.HeavyWrecker],
            Zone = Zone(ShanghaiCore),
            Window = new RuleWindowDocument { Start = "07:00", End = "20:00", Tz = "Asia/Shanghai" },
            Description = "Heavy trucks are barred inside Shanghai's Outer Ring from 07:00 to 20:00.",
        },
    ];

    private static GeoJsonValue Zone(Polygon polygon) => GeoJsonValue.FromJson(GeoJsonText.Write(polygon));

    private static Polygon PolygonOf(params (double Lon, double Lat)[] vertices)
    {
        var coordinates = vertices.Select(v => new Coordinate(v.Lon, v.Lat)).Append(new Coordinate(vertices[0].Lon, vertices[0].Lat)).ToArray();
        var polygon = GeometryFactories.Wgs84.CreatePolygon(coordinates);
        return (Polygon)RegionCleaner.Orient(polygon);
    }
}
