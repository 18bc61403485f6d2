using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Tests.Reference;

/// <summary>Each exclusion reason of docs/dispatch-semantics.md "Eligibility" and the order in which they win, on the
/// hand network.</summary>
public sealed class ReferenceEligibilityTests
{
    // c1 at lat 31.5 holds: off1 (offline van, parked 0.1 deg from the incident), van1, wl1 (wheel lift), fb1,
    // one free tyre 255/45R20 and one battery.
    private static NetworkDocument Network(IReadOnlyList<RuleDocument>? rules = null, double radiusKm = 500) => HandNetwork.Document with
    {
        Centers =
        [
            HandNetwork.CenterOne with
            {
                ServiceRadiusKm = radiusKm,
                Resources =
                [
                    new() { Id = "off1", Type = "van", Status = "offline", Position = new GeoPoint(31.1, 101.0) },
                    new() { Id = "van1", Type = "van", Status = "available" },
                    new() { Id = "wl1", Type = "wheel_lift", Status = "available" },
                    new() { Id = "fb1", Type = "flatbed", Status = "available" },
                ],
                Stock = new Dictionary<string, StockLevel>
                {
                    ["TIRE-255/45R20"] = new() { OnHand = 2, Reserved = 1 },
                    ["BAT-12V"] = new() { OnHand = 1, Reserved = 0 },
                },
            },
            HandNetwork.CenterTwo,
        ],
        Rules = rules ?? [],
    };

    private static Dictionary<string, string> Reasons(RecommendationResult result) =>
        result.Excluded.ToDictionary(e => e.ResourceId, e => e.Reason);

    [Fact]
    public void Recommend_ElectrifiedWithoutTireSpec_ReasonOfTheFurthestMode()
    {
        var reference = new ReferenceDispatcher(Network());

        var result = reference.Recommend(HandNetwork.Incident(powertrain: "bev", tireSpec: null), RecommendationQuery.All);

        // van1: onsite lists vans but needs the tyre spec (got to (c)); tow does not list vans (stopped at (a)).
        // wl1: onsite does not list it (a); tow lists it but a BEV needs a flatbed (b).
        var reasons = Reasons(result);
        Assert.Equal(ReasonCodes.NotAvailable, reasons["off1"]);
        Assert.Equal(ReasonCodes.PartSpecUnknown, reasons["van1"]);
        Assert.Equal(ReasonCodes.EvRequiresFlatbed, reasons["wl1"]);
        Assert.Equal(["fb1", "fb2"], ReferenceDispatcherTests.AllOptions(result).Select(o => o.ResourceId));
    }

    [Fact]
    public void Recommend_TireSpecNotInStock_PartOutOfStock()
    {
        var reference = new ReferenceDispatcher(Network());

        var result = reference.Recommend(HandNetwork.Incident(tireSpec: "205/55R16"), RecommendationQuery.All);

        Assert.Equal(ReasonCodes.PartOutOfStock, Reasons(result)["van1"]);
    }

    [Fact]
    public void Recommend_StockAllReserved_PartOutOfStock()
    {
        var reference = new ReferenceDispatcher(Network());
        reference.SetStock("c1", "TIRE-255/45R20", 2, 2);

        var result = reference.Recommend(HandNetwork.Incident(), RecommendationQuery.All);

        Assert.Equal(ReasonCodes.PartOutOfStock, Reasons(result)["van1"]);
    }

    [Fact]
    public void Recommend_UnknownFault_CannotServeFaultForEveryAvailableResource()
    {
        var reference = new ReferenceDispatcher(Network());

        var result = reference.Recommend(HandNetwork.Incident(fault: "alien_abduction"), RecommendationQuery.All);

        Assert.Equal(RecommendationStatus.Unassignable, result.Status);
        Assert.Null(result.Recommendation);
        Assert.Equal(["not_available", "cannot_serve_fault", "cannot_serve_fault", "cannot_serve_fault", "cannot_serve_fault"], result.Excluded.Select(e => e.Reason));
    }

    [Fact]
    public void Recommend_Excluded_NearestPositionFirstThenOrdinalId()
    {
        var reference = new ReferenceDispatcher(Network());

        var result = reference.Recommend(HandNetwork.Incident(fault: "battery"), RecommendationQuery.All);

        // off1 is parked 0.1 deg away; fb1 and wl1 share c1 (0.5 deg) and sort by id; fb2 is 1.5 deg away.
        Assert.Equal(["off1", "fb1", "wl1", "fb2"], result.Excluded.Select(e => e.ResourceId));
        Assert.Equal(["c1", "c1", "c1", "c2"], result.Excluded.Select(e => e.CenterId));
        Assert.Equal("van1", result.Recommendation!.ResourceId);
        Assert.Equal("BAT-12V", result.Recommendation.Part);
    }

    [Fact]
    public void Recommend_SmallRadius_EarlierChecksWinOverRadius()
    {
        // Radius 10 km: c1 is 55.6 km from the incident.
        var reference = new ReferenceDispatcher(Network(radiusKm: 10));

        var before = Reasons(reference.Recommend(HandNetwork.Incident(fault: "battery"), RecommendationQuery.All));
        reference.SetStock("c1", "BAT-12V", 0, 0);
        var after = Reasons(reference.Recommend(HandNetwork.Incident(fault: "battery"), RecommendationQuery.All));

        Assert.Equal(ReasonCodes.OutsideServiceRadius, before["van1"]);
        Assert.Equal(ReasonCodes.CannotServeFault, before["fb1"]);
        Assert.Equal(ReasonCodes.PartOutOfStock, after["van1"]);
    }

    [Fact]
    public void Recommend_TwoDenyRulesInZone_FirstRuleInDocumentOrderIsTheReason()
    {
        var zone = GeoJsonShapes.Rectangle(100.5, 30.5, 101.5, 31.2);
        var reference = new ReferenceDispatcher(Network(
        [
            new() { Id = "r-first", Kind = "deny", Types = ["flatbed"], Zone = zone },
            new() { Id = "r-second", Kind = "deny", Types = ["wheel_lift", "flatbed"], Zone = zone },
        ]));

        var reasons = Reasons(reference.Recommend(HandNetwork.Incident(), RecommendationQuery.All));

        Assert.Equal(ReasonCodes.RuleDenied("r-first"), reasons["fb1"]);
        Assert.Equal(ReasonCodes.RuleDenied("r-first"), reasons["fb2"]);
        Assert.Equal(ReasonCodes.RuleDenied("r-second"), reasons["wl1"]);
        Assert.False(reasons.ContainsKey("van1"));
    }

    [Fact]
    public void Recommend_ZoneMissesIncident_RuleDoesNotApply()
    {
        var reference = new ReferenceDispatcher(Network(
            [new() { Id = "r", Kind = "deny", Types = ["flatbed"], Zone = GeoJsonShapes.Rectangle(100.5, 31.3, 101.5, 31.9) }]));

        var result = reference.Recommend(HandNetwork.Incident(), RecommendationQuery.All);

        Assert.DoesNotContain(result.Excluded, e => e.ResourceId == "fb1");
    }

    [Theory]
    [InlineData(true, "partner_only:r-xway")]
    [InlineData(false, null)]
    public void Recommend_PartnerOnlyOnExpressway_BarsDirectCentersOnly(bool onExpressway, string? expectedFb1)
    {
        var reference = new ReferenceDispatcher(Network([new() { Id = "r-xway", Kind = "partner_only", Types = ["flatbed", "wheel_lift"], Scope = "expressway" }]));

        var result = reference.Recommend(HandNetwork.Incident(onExpressway: onExpressway), RecommendationQuery.All);

        var reasons = Reasons(result);
        Assert.Equal(expectedFb1, reasons.GetValueOrDefault("fb1"));
        Assert.False(reasons.ContainsKey("fb2")); // c2 is a partner
        Assert.Contains(ReferenceDispatcherTests.AllOptions(result), o => o.ResourceId == "fb2");
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    public void Recommend_ZoneAndScope_NeedsBoth(bool insideZone, bool onExpressway, bool barred)
    {
        var zone = insideZone ? GeoJsonShapes.Rectangle(100.5, 30.5, 101.5, 31.2) : GeoJsonShapes.Rectangle(100.5, 33.0, 101.5, 33.5);
        var reference = new ReferenceDispatcher(Network([new() { Id = "r", Kind = "deny", Types = ["flatbed"], Zone = zone, Scope = "expressway" }]));

        var reasons = Reasons(reference.Recommend(HandNetwork.Incident(onExpressway: onExpressway), RecommendationQuery.All));

        Assert.Equal(barred, reasons.ContainsKey("fb1"));
    }

    [Fact]
    public void Recommend_ChecksInOrder_StatusThenFaultThenRuleThenRadius()
    {
        // Radius 10 km puts everyone at c1 (55.6 km away) outside; the zone rule bars wheel lifts and vans.
        var zone = GeoJsonShapes.Rectangle(100.5, 30.5, 101.5, 31.2);
        var reference = new ReferenceDispatcher(Network([new() { Id = "r", Kind = "deny", Types = ["wheel_lift", "van"], Zone = zone }], radiusKm: 10));

        var reasons = Reasons(reference.Recommend(HandNetwork.Incident(fault: "battery"), RecommendationQuery.All));

        Assert.Equal(ReasonCodes.NotAvailable, reasons["off1"]); // also barred by the rule and outside the radius
        Assert.Equal(ReasonCodes.CannotServeFault, reasons["wl1"]); // also barred by the rule
        Assert.Equal(ReasonCodes.RuleDenied("r"), reasons["van1"]); // also outside the radius
    }

    [Theory]
    [InlineData(2026, 11, 27, 22, 0, true)] // Friday 22:00, start inclusive
    [InlineData(2026, 11, 28, 5, 59, true)] // Saturday morning belongs to Friday's span
    [InlineData(2026, 11, 28, 6, 0, false)] // end exclusive
    [InlineData(2026, 11, 27, 3, 0, false)] // Friday morning belongs to Thursday's span, not listed
    [InlineData(2026, 11, 28, 22, 30, false)] // Saturday evening: Saturday not listed
    [InlineData(2026, 11, 27, 21, 59, false)]
    public void Recommend_WrappingWindowOnFridays_AppliesFromFridayEveningToSaturdayMorning(int y, int mo, int d, int h, int mi, bool barred)
    {
        var window = new RuleWindowDocument { Start = "22:00", End = "06:00", Days = [5] };
        var reference = new ReferenceDispatcher(Network([new() { Id = "night", Kind = "deny", Types = ["flatbed"], Scope = "expressway", Window = window }]));
        var shanghai = new DateTimeOffset(y, mo, d, h, mi, 0, TimeSpan.FromHours(8));

        var reasons = Reasons(reference.Recommend(HandNetwork.Incident(onExpressway: true, reportedAt: shanghai), RecommendationQuery.All));

        Assert.Equal(barred, reasons.ContainsKey("fb1"));
    }

    [Theory]
    [InlineData(13, 59, false)]
    [InlineData(14, 0, true)] // 09:00 in New York (UTC-5 in late November)
    [InlineData(21, 59, true)]
    [InlineData(22, 0, false)]
    public void Recommend_WindowInItsOwnTimeZone_UsesThatZone(int utcHour, int utcMinute, bool barred)
    {
        var window = new RuleWindowDocument { Start = "09:00", End = "17:00", Tz = "America/New_York" };
        var reference = new ReferenceDispatcher(Network([new() { Id = "day", Kind = "deny", Types = ["flatbed"], Zone = GeoJsonShapes.Rectangle(100, 30, 102, 32), Window = window }]));
        var at = new DateTimeOffset(2026, 11, 24, utcHour, utcMinute, 0, TimeSpan.Zero);

        var reasons = Reasons(reference.Recommend(HandNetwork.Incident(reportedAt: at), RecommendationQuery.All));

        Assert.Equal(barred, reasons.ContainsKey("fb1"));
    }
}
