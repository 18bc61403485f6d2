using Dispatch.Solver.Documents;

namespace Dispatch.DemoNetwork.Generation;

/// <summary>Resource types, the fault catalog and the parts of the demo network
/// (docs/dispatch-semantics.md "Fault catalog").</summary>
public static class FleetCatalog
{
    public const string Flatbed = "flatbed";
    public const string WheelLift = "wheel_lift";
    public const string HeavyWrecker = "heavy_wrecker";
    public const string Recovery4x4 = "recovery_4x4";
    public const string ServiceVan = "service_van";
    public const string ChargingVan = "charging_van";

    public static readonly IReadOnlyList<string> TowTypes = [Flatbed, WheelLift, HeavyWrecker, Recovery4x4];

    /// <summary>Tyre sizes of the carmaker's range: the EREV SUVs (20-22"), the BEV SUV (20-21") and the
    /// MPV (20"), most common first.</summary>
    public static readonly IReadOnlyList<string> TireSpecs = ["255/50R20", "265/45R21", "275/40R22", "245/50R20"];

    /// <summary>The 12 V auxiliary (AGM) battery every model uses, EVs included.</summary>
    public const string BatterySku = "BATT-12V-AGM70";

    public static string TireSku(string tireSpec) => "TIRE-" + tireSpec;

    // Speeds are average road speeds of a loaded truck before the region's speed factor; mobilization is
    // the time from call to wheels rolling (crew on standby, vehicle prepared).
    public static IReadOnlyDictionary<string, ResourceTypeDocument> ResourceTypes() => new SortedDictionary<string, ResourceTypeDocument>(StringComparer.Ordinal)
    {
        [Flatbed] = new() { SpeedKmh = 65, MobilizationMin = 10, CoverageClass = "tow" },
        [WheelLift] = new() { SpeedKmh = 70, MobilizationMin = 8, CoverageClass = "tow" },
        [HeavyWrecker] = new() { SpeedKmh = 55, MobilizationMin = 15, CoverageClass = "tow" },
        [Recovery4x4] = new() { SpeedKmh = 60, MobilizationMin = 12, CoverageClass = "tow" },
        [ServiceVan] = new() { SpeedKmh = 80, MobilizationMin = 5, CoverageClass = "service" },
        [ChargingVan] = new() { SpeedKmh = 70, MobilizationMin = 8, CoverageClass = "service" },
    };

    // Penalties are the expected extra minutes a mode costs the customer or the network beyond its ETA:
    // a tow where an onsite fix would do strands the owner without a car; an onsite try that often fails
    // brings a second dispatch.
    public static IReadOnlyDictionary<string, IReadOnlyList<FaultModeDocument>> Faults() => new SortedDictionary<string, IReadOnlyList<FaultModeDocument>>(StringComparer.Ordinal)
    {
        ["flat_tire"] =
        [
            Onsite([ServiceVan, Recovery4x4], 40, 0, "TIRE-{tireSpec}"),
            Tow([Flatbed, WheelLift], 60, 30),
        ],
        ["battery"] =
        [
            Onsite([ServiceVan, ChargingVan], 30, 0, BatterySku),
            Tow([Flatbed, WheelLift], 60, 45),
        ],
        ["out_of_charge"] =
        [
            Onsite([ChargingVan], 50, 0),
            Tow([Flatbed], 60, 20),
        ],
        ["stuck"] =
        [
            Onsite([Recovery4x4, HeavyWrecker], 60, 0),
            Tow([Flatbed, HeavyWrecker], 90, 20),
        ],
        ["accident"] =
        [
            Tow([Flatbed, WheelLift, HeavyWrecker, Recovery4x4], 75, 0),
        ],
        ["breakdown"] =
        [
            Onsite([ServiceVan], 45, 20),
            Tow([Flatbed, WheelLift, Recovery4x4], 60, 0),
        ],
        ["lockout"] =
        [
            Onsite([ServiceVan], 20, 0),
        ],
    };

    private static FaultModeDocument Onsite(string[] types, double serviceMin, double penaltyMin, string? part = null) =>
        new() { Mode = "onsite", Types = types, Part = part, ServiceMin = serviceMin, PenaltyMin = penaltyMin };

    private static FaultModeDocument Tow(string[] types, double serviceMin, double penaltyMin) =>
        new() { Mode = "tow", Types = types, ServiceMin = serviceMin, PenaltyMin = penaltyMin };
}
