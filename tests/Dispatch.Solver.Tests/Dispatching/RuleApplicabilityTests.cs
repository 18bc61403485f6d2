using System.Globalization;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Tests.Dispatching;

/// <summary>docs/dispatch-semantics.md "Access rules": when a rule applies to an incident (zone, scope,
/// window).</summary>
/// <remarks>Asia/Shanghai is UTC+8 all year; Europe/London is UTC+0 in January. 2025-01-06 is a Monday.</remarks>
public sealed class RuleApplicabilityTests
{
    private static readonly GeoJsonValue Zone = Places.ZoneAround(Places.Base); // +-0.2 degrees, about +-22 km

    /// <summary>Whether a deny rule for flatbeds bars the one flatbed of a small network for the incident.</summary>
    private static bool Applies(RuleDocument rule, Incident incident, string timeZone = "Asia/Shanghai")
    {
        var engine = NetworkBuilder.Create()
            .Parameters(p => p with { TimeZone = timeZone })
            .Center("c", Places.South(Places.Base, 5), c => c.Resource("u", "flatbed"))
            .Rule(rule)
            .BuildEngine();

        var result = engine.Recommend(incident, RecommendationQuery.All);
        var barred = result.Excluded.Any(e => e.ResourceId == "u" && e.Reason == "rule_denied:" + rule.Id);
        Assert.NotEqual(barred, result.IsOffered("u"));
        return barred;
    }

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    [Theory]
    [InlineData(0, true)]
    [InlineData(100, false)]
    public void Recommend_ZoneRule_AppliesOnlyWhenZoneContainsIncident(double kmSouthOfZoneCentre, bool expected)
    {
        var incident = TestIncidents.At(Places.South(Places.Base, kmSouthOfZoneCentre));

        Assert.Equal(expected, Applies(AccessRules.Deny("z", ["flatbed"], zone: Zone), incident));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Recommend_ExpresswayScopeRule_AppliesOnlyOnExpressway(bool onExpressway, bool expected)
    {
        var incident = TestIncidents.At(Places.Base, onExpressway: onExpressway);

        Assert.Equal(expected, Applies(AccessRules.Deny("x", ["flatbed"], scope: AccessRules.Expressway), incident));
    }

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, false)]
    public void Recommend_ZoneAndScopeRule_NeedsBoth(bool inZone, bool onExpressway, bool expected)
    {
        var location = inZone ? Places.Base : Places.South(Places.Base, 100);
        var incident = TestIncidents.At(location, onExpressway: onExpressway);

        Assert.Equal(expected, Applies(AccessRules.Deny("zx", ["flatbed"], zone: Zone, scope: AccessRules.Expressway), incident));
    }

    [Theory]
    [InlineData("2025-01-06T04:00:00Z", true)] // Mon 12:00 local: inside
    [InlineData("2025-01-06T15:00:00Z", false)] // Mon 23:00 local: outside
    [InlineData("2025-01-05T23:00:00Z", true)] // Mon 07:00 local: start is inclusive
    [InlineData("2025-01-05T22:59:00Z", false)] // Mon 06:59 local
    [InlineData("2025-01-06T13:59:00Z", true)] // Mon 21:59 local
    [InlineData("2025-01-06T14:00:00Z", false)] // Mon 22:00 local: end is exclusive
    public void Recommend_DayWindow_AppliesFromStartInclusiveToEndExclusive(string reportedAt, bool expected)
    {
        var rule = AccessRules.Deny("w", ["flatbed"], zone: Zone, window: AccessRules.Window("07:00", "22:00"));

        Assert.Equal(expected, Applies(rule, TestIncidents.At(Places.Base, reportedAt: Utc(reportedAt))));
    }

    [Theory]
    [InlineData("2025-01-06T04:00:00Z", true)] // Monday 12:00 local
    [InlineData("2025-01-10T04:00:00Z", true)] // Friday 12:00 local
    [InlineData("2025-01-11T04:00:00Z", false)] // Saturday 12:00 local
    [InlineData("2025-01-12T04:00:00Z", false)] // Sunday 12:00 local
    public void Recommend_WindowWithDays_AppliesOnListedDaysOnly(string reportedAt, bool expected)
    {
        var rule = AccessRules.Deny("w", ["flatbed"], zone: Zone, window: AccessRules.Window("07:00", "22:00", [1, 2, 3, 4, 5]));

        Assert.Equal(expected, Applies(rule, TestIncidents.At(Places.Base, reportedAt: Utc(reportedAt))));
    }

    [Theory]
    [InlineData("2025-01-10T20:00:00Z", true)] // Friday in UTC, but Saturday 04:00 in Shanghai
    [InlineData("2025-01-10T15:00:00Z", false)] // Friday 23:00 in Shanghai
    public void Recommend_WindowDays_AreLocalDays(string reportedAt, bool expected)
    {
        var rule = AccessRules.Deny("w", ["flatbed"], zone: Zone, window: AccessRules.Window("00:00", "23:59", [6]));

        Assert.Equal(expected, Applies(rule, TestIncidents.At(Places.Base, reportedAt: Utc(reportedAt))));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Recommend_WindowWithEmptyOrAbsentDays_AppliesEveryDay(bool emptyList)
    {
        var window = AccessRules.Window("07:00", "22:00", emptyList ? [] : null);
        var rule = AccessRules.Deny("w", ["flatbed"], zone: Zone, window: window);
        var sundayNoon = Utc("2025-01-12T04:00:00Z");

        Assert.True(Applies(rule, TestIncidents.At(Places.Base, reportedAt: sundayNoon)));
    }

    [Theory]
    [InlineData("2025-01-10T14:00:00Z", true)] // Fri 22:00 local: start inclusive, Friday listed
    [InlineData("2025-01-10T15:00:00Z", true)] // Fri 23:00 local
    [InlineData("2025-01-10T19:00:00Z", true)] // Sat 03:00 local: the span started on Friday
    [InlineData("2025-01-10T22:00:00Z", false)] // Sat 06:00 local: end exclusive
    [InlineData("2025-01-09T19:00:00Z", false)] // Fri 03:00 local: that span started on Thursday
    [InlineData("2025-01-11T15:00:00Z", false)] // Sat 23:00 local: Saturday not listed
    [InlineData("2025-01-10T04:00:00Z", false)] // Fri 12:00 local: outside the span
    public void Recommend_WindowWrappingMidnight_MorningBelongsToPreviousDay(string reportedAt, bool expected)
    {
        var rule = AccessRules.Deny("night", ["flatbed"], zone: Zone, window: AccessRules.Window("22:00", "06:00", [5]));

        Assert.Equal(expected, Applies(rule, TestIncidents.At(Places.Base, reportedAt: Utc(reportedAt))));
    }

    [Theory]
    [InlineData("Asia/Shanghai", "Europe/London", false)] // rule's own zone: 03:00 London, outside
    [InlineData("Asia/Shanghai", null, true)] // parameters' zone: 11:00 Shanghai, inside
    [InlineData("Europe/London", "Asia/Shanghai", true)] // rule's own zone: 11:00 Shanghai
    [InlineData("Europe/London", null, false)] // parameters' zone: 03:00 London
    public void Recommend_WindowTimeZone_RuleTzElseParametersTimeZone(string parametersTimeZone, string? ruleTz, bool expected)
    {
        var rule = AccessRules.Deny("w", ["flatbed"], zone: Zone, window: AccessRules.Window("07:00", "22:00", tz: ruleTz));
        var reportedAt = Utc("2025-01-06T03:00:00Z"); // 03:00 in London (UTC+0 in January), 11:00 in Shanghai

        Assert.Equal(expected, Applies(rule, TestIncidents.At(Places.Base, reportedAt: reportedAt), parametersTimeZone));
    }

    [Fact]
    public void Recommend_ExpresswayRuleWithWindow_NeedsExpresswayAndWindow()
    {
        var rule = AccessRules.Deny("xw", ["flatbed"], scope: AccessRules.Expressway, window: AccessRules.Window("07:00", "22:00"));

        Assert.True(Applies(rule, TestIncidents.At(Places.Base, onExpressway: true, reportedAt: Utc("2025-01-06T04:00:00Z"))));
        Assert.False(Applies(rule, TestIncidents.At(Places.Base, onExpressway: true, reportedAt: Utc("2025-01-06T15:00:00Z"))));
        Assert.False(Applies(rule, TestIncidents.At(Places.Base, onExpressway: false, reportedAt: Utc("2025-01-06T04:00:00Z"))));
    }

    [Fact]
    public void Recommend_MultiPolygonZone_AppliesInAnyPart()
    {
        var zone = GeoJsonValue.FromJson(
            """{"type":"MultiPolygon","coordinates":[[[[101,21],[102,21],[102,22],[101,22],[101,21]]],[[[104.8,29.3],[105.2,29.3],[105.2,29.7],[104.8,29.7],[104.8,29.3]]]]}""");
        var rule = AccessRules.Deny("multi", ["flatbed"], zone: zone);

        Assert.True(Applies(rule, TestIncidents.At(Places.Base)));
        Assert.False(Applies(rule, TestIncidents.At(Places.South(Places.Base, 100))));
    }
}
