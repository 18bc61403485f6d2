using Dispatch.DemoNetwork.Generation;
using Dispatch.DemoNetwork.Geography;

namespace Dispatch.DemoNetwork.Export;

/// <summary>data/regions.geojson: all 34 provincial-level units with names and the served-area flag.</summary>
public static class RegionsGeoJsonWriter
{
    public static string Write(IEnumerable<RegionShape> regions)
    {
        var collection = new FeatureCollectionWriter();
        foreach (var region in regions)
        {
            var profile = RegionProfiles.For(region.Adcode);
            collection.Add(GeoJsonText.Write(region.Geometry), w =>
            {
                w.WriteString("adcode", region.Adcode);
                w.WriteString("name", region.Name);
                w.WriteString("nameEn", region.NameEn);
                w.WriteString("kind", region.Kind);
                w.WriteBoolean("served", region.IsMainland);
                w.WriteBoolean("remote", region.IsMainland && profile.Remote);
            });
        }

        return collection.ToString();
    }
}
