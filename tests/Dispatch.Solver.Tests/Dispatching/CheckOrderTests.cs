using Dispatch.Solver.Dispatching;

namespace Dispatch.Solver.Tests.Dispatching;

/// <summary>docs/dispatch-semantics.md "Eligibility": a resource offered in no mode gets one reason, the first failing
/// check in the order 1-5; for checks 2-3 that of the mode that got furthest in (a)-(d), for check 4 the first rule in
/// document order.</summary>
public sealed class CheckOrderTests
{
    // Far center (300 km away, radius 100: fails check 5) whose flatbed a deny rule bars (check 4).
    private static DispatchEngine FailingEverywhere(string type, bool offline)
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.South(Places.Base, 300), c => c.Radius(100).Resource("u", type))
            .Rule(AccessRules.Deny("deny-all", ["flatbed", "wheel_lift", "service_van"], zone: Places.ZoneAround(Places.Base)))
            .BuildEngine();
        if (offline)
        {
            engine.SetResourceStatus("u", ResourceStatus.Offline);
        }

        return engine;
    }

    [Theory]
    [InlineData("flatbed", true, "battery", "ice", "not_available")] // fails 1, 2, 4, 5
    [InlineData("flatbed", false, "battery", "ice", "cannot_serve_fault")] // fails 2, 4, 5
    [InlineData("wheel_lift", false, "stuck", "bev", "ev_requires_flatbed")] // fails 2, 4, 5
    [InlineData("service_van", false, "battery", "ice", "part_out_of_stock")] // fails 3, 4, 5
    [InlineData("service_van", false, "flat_tire", "ice", "part_spec_unknown")] // fails 3, 4, 5
    [InlineData("flatbed", false, "stuck", "ice", "rule_denied:deny-all")] // fails 4, 5
    public void Recommend_ResourceFailingSeveralChecks_ExcludedWithFirstInOrder(string type, bool offline, string fault, string powertrain, string expected)
    {
        var engine = FailingEverywhere(type, offline);

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: fault, powertrain: powertrain), RecommendationQuery.All);

        Assert.Equal(expected, result.ReasonFor("u"));
    }

    [Fact]
    public void Recommend_ResourceFailingOnlyRadius_ExcludedAsOutsideServiceRadius()
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.South(Places.Base, 300), c => c.Radius(100).Resource("u", "flatbed"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        Assert.Equal(ReasonCodes.OutsideServiceRadius, result.ReasonFor("u"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Recommend_ModesFailingAtDifferentSteps_ReasonOfModeThatGotFurthest(bool onsiteFirst)
    {
        // For a bev, the tow mode stops at (b) (wheel_lift is no EV tow type); the onsite mode passes (a)-(c)
        // and stops at (d) (no "WINCH-KIT" in stock). (d) is further, whatever the catalog order.
        var tow = Modes.Tow(["wheel_lift"]);
        var onsite = Modes.Onsite(["wheel_lift"], part: "WINCH-KIT");
        var engine = NetworkBuilder.Create()
            .Fault("winch", onsiteFirst ? [onsite, tow] : [tow, onsite])
            .Center("c", Places.Base, c => c.Resource("u", "wheel_lift"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "winch", powertrain: "bev"), RecommendationQuery.All);

        Assert.Equal(ReasonCodes.PartOutOfStock, result.ReasonFor("u"));
    }

    [Fact]
    public void Recommend_LaterModeGetsFurther_ItsReasonWins()
    {
        // flat_tire = [onsite service_van + tire, tow flatbed/wheel_lift]. A wheel_lift for a bev fails the
        // onsite mode at (a) and the tow mode at (b): the later mode got further.
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("u", "wheel_lift"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "flat_tire", powertrain: "bev", tireSpec: "205/55R16"), RecommendationQuery.All);

        Assert.Equal(ReasonCodes.EvRequiresFlatbed, result.ReasonFor("u"));
    }

    [Fact]
    public void Recommend_EarlierModeGetsFurther_ItsReasonWins()
    {
        // A service van without tire spec: onsite stops at (c), tow at (a).
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("u", "service_van"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "flat_tire", tireSpec: null), RecommendationQuery.All);

        Assert.Equal(ReasonCodes.PartSpecUnknown, result.ReasonFor("u"));
    }

    [Fact]
    public void Recommend_SpecUnknownVersusEvTow_SpecUnknownIsFurther()
    {
        // tow stops at (b), onsite with a {tireSpec} template and no spec stops at (c).
        var engine = NetworkBuilder.Create()
            .Fault("winch", Modes.Tow(["wheel_lift"]), Modes.Onsite(["wheel_lift"], part: "TIRE-{tireSpec}"))
            .Center("c", Places.Base, c => c.Resource("u", "wheel_lift"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "winch", powertrain: "phev", tireSpec: null), RecommendationQuery.All);

        Assert.Equal(ReasonCodes.PartSpecUnknown, result.ReasonFor("u"));
    }

    [Fact]
    public void Recommend_ModesEquallyFar_ReasonOfFirstInCatalog()
    {
        // Both modes stop at (d); the reason is that of the first mode (the same code for both steps alike).
        var engine = NetworkBuilder.Create()
            .Fault("winch", Modes.Onsite(["service_van"], part: "KIT-A"), Modes.Tow(["service_van"], part: "KIT-B"))
            .Center("c", Places.Base, c => c.Resource("u", "service_van"))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "winch"), RecommendationQuery.All);

        Assert.Equal(ReasonCodes.PartOutOfStock, result.ReasonFor("u"));
        Assert.Single(result.Excluded);
    }

    [Theory]
    [InlineData(new[] { "r-b", "r-a" }, "rule_denied:r-b")]
    [InlineData(new[] { "r-a", "r-b" }, "rule_denied:r-a")]
    public void Recommend_TwoDenyRulesApply_FirstInDocumentOrderNamed(string[] ruleOrder, string expected)
    {
        var builder = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("u", "flatbed"));
        foreach (var id in ruleOrder)
        {
            builder.Rule(AccessRules.Deny(id, ["flatbed"], zone: Places.ZoneAround(Places.Base)));
        }

        var result = builder.BuildEngine().Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        Assert.Equal(expected, result.ReasonFor("u"));
    }

    [Theory]
    [InlineData(true, "partner_only:p")]
    [InlineData(false, "rule_denied:d")]
    public void Recommend_DenyAndPartnerOnlyApply_FirstInDocumentOrderNamed(bool partnerOnlyFirst, string expected)
    {
        var partnerOnly = AccessRules.PartnerOnly("p", ["flatbed"], zone: Places.ZoneAround(Places.Base));
        var deny = AccessRules.Deny("d", ["flatbed"], zone: Places.ZoneAround(Places.Base));
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("u", "flatbed"))
            .Rule(partnerOnlyFirst ? partnerOnly : deny)
            .Rule(partnerOnlyFirst ? deny : partnerOnly)
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        Assert.Equal(expected, result.ReasonFor("u"));
    }

    [Fact]
    public void Recommend_EarlierRulesNotBarring_FirstBarringRuleNamed()
    {
        // "elsewhere" does not contain the incident, "vans" is about another type, "partner-ok" spares
        // partner centers: none of them bars this partner flatbed, so "last" is the reason.
        var elsewhere = Places.ZoneAround(Places.South(Places.Base, 200));
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Partner().Resource("u", "flatbed"))
            .Rule(AccessRules.Deny("elsewhere", ["flatbed"], zone: elsewhere))
            .Rule(AccessRules.Deny("vans", ["service_van"], zone: Places.ZoneAround(Places.Base)))
            .Rule(AccessRules.PartnerOnly("partner-ok", ["flatbed"], zone: Places.ZoneAround(Places.Base)))
            .Rule(AccessRules.Deny("last", ["flatbed"], zone: Places.ZoneAround(Places.Base)))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        Assert.Equal("rule_denied:last", result.ReasonFor("u"));
    }

    [Fact]
    public void Recommend_ModePassesButRuleBars_ExcludedByRuleNotByMode()
    {
        // One mode passes checks 2-3, so the reason is the rule (check 4), not the other mode's failure.
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("u", "flatbed"))
            .Rule(AccessRules.Deny("d", ["flatbed"], zone: Places.ZoneAround(Places.Base)))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base, fault: "flat_tire", tireSpec: null), RecommendationQuery.All);

        Assert.Equal("rule_denied:d", result.ReasonFor("u"));
    }
}
