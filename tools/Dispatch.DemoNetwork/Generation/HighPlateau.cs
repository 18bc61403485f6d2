namespace Dispatch.DemoNetwork.Generation;

/// <summary>The Qinghai-Tibet plateau, approximately: all of Tibet and Qinghai plus the plateau rims of
/// western Sichuan (Garzê, Ngawa), north-west Yunnan (Dêqên) and south-west Gansu (Gannan).
/// There is no elevation in the sources, so the rims are boxes; good enough to equip partners with 4x4s.</summary>
public static class HighPlateau
{
    public static bool Contains(string adcode, double lat, double lon) => adcode switch
    {
        "540000" or "630000" => true,
        "510000" => lon < 102.5,
        "530000" => lon < 100.5 && lat > 27.3,
        "620000" => lon < 103.6 && lat < 35.8,
        _ => false,
    };
}
