using System.Text.Json;
using Dispatch.DemoNetwork.Generation;
using Dispatch.DemoNetwork.Geography;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Dispatch.DemoNetwork.Tests;

public class RegionGeometryTests
{
    /// <summary>GeoNames admin1 codes of China and the adcodes of the same units.</summary>
    private static readonly Dictionary<string, string> Admin1ToAdcode = new(StringComparer.Ordinal)
    {
        ["01"] = "340000", ["02"] = "330000", ["03"] = "360000", ["04"] = "320000", ["05"] = "220000",
        ["06"] = "630000", ["07"] = "350000", ["08"] = "230000", ["09"] = "410000", ["10"] = "130000",
        ["11"] = "430000", ["12"] = "420000", ["13"] = "650000", ["14"] = "540000", ["15"] = "620000",
        ["16"] = "450000", ["18"] = "520000", ["19"] = "210000", ["20"] = "150000", ["21"] = "640000",
        ["22"] = "110000", ["23"] = "310000", ["24"] = "140000", ["25"] = "370000", ["26"] = "610000",
        ["28"] = "120000", ["29"] = "530000", ["30"] = "440000", ["31"] = "460000", ["32"] = "510000",
        ["33"] = "500000",
    };

    [Fact]
    public void RegionsFile_Has34UnitsOf31Served_EachAValidClosedPolygon()
    {
        var json = DemoData.ReadCheckedIn(DemoNetworkArtifacts.RegionsFile);
        using var doc = JsonDocument.Parse(json);
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();

        Assert.Equal(34, features.Count);
        Assert.Equal(31, features.Count(f => f.GetProperty("properties").GetProperty("served").GetBoolean()));
        foreach (var feature in features)
        {
            var adcode = feature.GetProperty("properties").GetProperty("adcode").GetString();
            var geometryJson = feature.GetProperty("geometry").GetRawText();
            AssertRingsClosed(feature.GetProperty("geometry"), adcode!);
            var geometry = GeoJsonReading.ReadGeometry(geometryJson);
            Assert.True(geometry is Polygon or MultiPolygon, adcode);
            Assert.True(geometry.IsValid, $"{adcode} is not valid");
            Assert.True(geometry.Area > 0, adcode);
        }
    }

    [Fact]
    public void RegionsFile_IsSimplifiedToAModestSize()
    {
        var bytes = new FileInfo(Path.Combine(DemoData.DataDirectory, DemoNetworkArtifacts.RegionsFile)).Length;

        Assert.InRange(bytes, 100_000, 1_500_000);
    }

    [Fact]
    public void Regions_ExteriorRingsAreCounterClockwise()
    {
        foreach (var region in DemoData.Generated.Regions)
        {
            for (var i = 0; i < region.Geometry.NumGeometries; i++)
            {
                var polygon = (Polygon)region.Geometry.GetGeometryN(i);
                Assert.True(Orientation.IsCCW(polygon.Shell.CoordinateSequence), region.Adcode);
                Assert.All(polygon.Holes, h => Assert.False(Orientation.IsCCW(h.CoordinateSequence), region.Adcode));
            }
        }
    }

    // The decoder is right only if the map puts each capital in its own province: a wrong offset, scale or
    // zigzag step would move or scramble the outlines.
    [Fact]
    public void ProvincialCapitals_LieInTheRegionOfTheirGeoNamesAdminCode()
    {
        var locator = new RegionLocator(DemoData.Generated.Regions);
        var capitals = Sources.RawSources.Load(DemoData.SourcesDirectory).Places
            .Where(p => p.FeatureCode is "PPLA" or "PPLC")
            .ToList();

        Assert.Equal(31, capitals.Count);
        foreach (var capital in capitals)
        {
            var region = locator.Locate(capital.Lat, capital.Lon);
            Assert.True(region is not null, capital.Name + " is in no region");
            Assert.Equal(Admin1ToAdcode[capital.AdminCode], region.Adcode);
        }
    }

    [Fact]
    public void Regions_AreaIsCloseToChinasLandArea()
    {
        // China (with Taiwan, Hong Kong, Macao) is about 9.6 million km²; the outline is coarse, allow 8%.
        var km2 = DemoData.Generated.Regions.Sum(r => ApproximateAreaKm2(r.Geometry));

        Assert.InRange(km2, 9.6e6 * 0.92, 9.6e6 * 1.08);
    }

    private static double ApproximateAreaKm2(Geometry geometry)
    {
        // Equirectangular at the centroid's latitude: fine for a sanity bound on a province.
        var lat = geometry.Centroid.Y * Math.PI / 180;
        var kmPerDeg = Math.PI * Geodesy.EarthRadiusKm / 180;
        return geometry.Area * kmPerDeg * kmPerDeg * Math.Cos(lat);
    }

    private static void AssertRingsClosed(JsonElement geometry, string adcode)
    {
        var polygons = geometry.GetProperty("type").GetString() == "Polygon"
            ? [geometry.GetProperty("coordinates")]
            : geometry.GetProperty("coordinates").EnumerateArray().ToList();
        foreach (var ring in polygons.SelectMany(p => p.EnumerateArray()))
        {
            Assert.True(ring.GetArrayLength() >= 4, adcode);
            var first = ring[0];
            var last = ring[ring.GetArrayLength() - 1];
            Assert.Equal(first[0].GetDouble(), last[0].GetDouble());
            Assert.Equal(first[1].GetDouble(), last[1].GetDouble());
        }
    }
}
