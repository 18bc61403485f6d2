using Dispatch.Solver.Dispatching;

namespace Dispatch.Solver.Tests.Dispatching;

/// <summary>docs/dispatch-semantics.md "Eligibility", check 4: <c>rule_denied:&lt;id&gt;</c> and
/// <c>partner_only:&lt;id&gt;</c>.</summary>
public sealed class AccessRuleEligibilityTests
{
    [Fact]
    public void Recommend_DenyRuleForType_ExcludedAsRuleDeniedWithRuleId()
    {
        var engine = NetworkBuilder.Create()
            .Center("c", Places.Base, c => c.Resource("fb", "flatbed").Resource("wl", "wheel_lift"))
            .Rule(AccessRules.Deny("no-flatbeds", ["flatbed"], zone: Places.ZoneAround(Places.Base)))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        Assert.Equal("rule_denied:no-flatbeds", result.ReasonFor("fb"));
        Assert.True(result.IsOffered("wl"));
    }

    [Fact]
    public void Recommend_PartnerOnlyRule_DirectCenterBarredPartnerCenterAllowed()
    {
        var engine = NetworkBuilder.Create()
            .Center("c-direct", Places.Base, c => c.Resource("fb-direct", "flatbed"))
            .Center("c-partner", Places.South(Places.Base, 20), c => c.Partner().Resource("fb-partner", "flatbed"))
            .Rule(AccessRules.PartnerOnly("partners-tow", ["flatbed"], zone: Places.ZoneAround(Places.Base)))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        Assert.Equal("partner_only:partners-tow", result.ReasonFor("fb-direct"));
        var option = result.SingleOptionOf("fb-partner");
        Assert.Equal("c-partner", option.CenterId);
        Assert.Equal("partner", option.CenterKind);
    }

    [Fact]
    public void Recommend_PartnerOnlyRuleForOtherType_DirectCenterAllowed()
    {
        var engine = NetworkBuilder.Create()
            .Center("c-direct", Places.Base, c => c.Resource("wl", "wheel_lift"))
            .Rule(AccessRules.PartnerOnly("partners-tow", ["flatbed"], zone: Places.ZoneAround(Places.Base)))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        Assert.True(result.IsOffered("wl"));
        Assert.Empty(result.Excluded);
    }

    [Fact]
    public void Recommend_DenyRuleForType_AppliesToPartnerCentersToo()
    {
        var engine = NetworkBuilder.Create()
            .Center("c-partner", Places.Base, c => c.Partner().Resource("fb", "flatbed"))
            .Rule(AccessRules.Deny("no-flatbeds", ["flatbed"], zone: Places.ZoneAround(Places.Base)))
            .BuildEngine();

        var result = engine.Recommend(TestIncidents.At(Places.Base), RecommendationQuery.All);

        Assert.Equal("rule_denied:no-flatbeds", result.ReasonFor("fb"));
    }
}
