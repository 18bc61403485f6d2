namespace Dispatch.Silo.Tests.Api.Support;

/// <summary>The hand-made networks of the API tests, for <c>PUT /v1/network</c>: regions R1 and R2, centers of radius
/// 50 km, and the faults <c>flat_tire</c> (40 minutes onsite by service van with <c>TIRE-{tireSpec}</c>, or tow with
/// penalty 30), <c>stuck</c> (tow) and <c>battery</c> (20 minutes onsite, <c>BATT-12V</c>).</summary>
/// <remarks>Every type drives 60 km/h with no mobilization and regions have circuity 1 and speed factor 1, so an ETA in
/// minutes equals the distance in km.</remarks>
internal static class ApiNetwork
{
    public static NetworkBuilder Create() => NetworkBuilder.Create()
        .CenterRadius(50)
        .NoFaults()
        .Fault("flat_tire", Modes.Onsite(["service_van"], part: "TIRE-{tireSpec}", serviceMin: 40), Modes.Tow(["flatbed", "wheel_lift"], penaltyMin: 30))
        .Fault("stuck", Modes.Tow(["flatbed", "wheel_lift"]))
        .Fault("battery", Modes.Onsite(["service_van"], part: "BATT-12V", serviceMin: 20));
}
