using System.Text.Json;

namespace Dispatch.Silo.Tests.Api.Support;

/// <summary>The answer shapes of docs/api.md "Recommendations" and "Incidents", asserted member by member.</summary>
internal static class ApiShapes
{
    private static readonly string[] CaseStatuses = ["open", "dispatched", "enroute", "onscene", "towing", "completed", "cancelled"];

    /// <summary><c>{region, coverageStandardMin, status, recommendation, alternatives, excluded, computeMicros}</c>.</summary>
    public static void Recommendation(JsonElement answer)
    {
        Assert.Equal(JsonValueKind.String, answer.GetProperty("region").ValueKind);
        var standard = answer.GetProperty("coverageStandardMin").GetDouble();
        Assert.True(standard > 0);
        var status = answer.GetProperty("status").GetString();
        Assert.Contains(status, new[] { "recommended", "unassignable" });
        var recommendation = answer.GetProperty("recommendation");
        if (status == "recommended")
        {
            Option(recommendation, standard);
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, recommendation.ValueKind);
        }

        foreach (var alternative in answer.GetProperty("alternatives").EnumerateArray())
        {
            Option(alternative, standard);
        }

        foreach (var excluded in answer.GetProperty("excluded").EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(excluded.GetProperty("resourceId").GetString()));
            Assert.False(string.IsNullOrEmpty(excluded.GetProperty("centerId").GetString()));
            Assert.False(string.IsNullOrEmpty(excluded.GetProperty("reason").GetString()));
        }

        Assert.True(answer.GetProperty("computeMicros").GetInt64() >= 0);
    }

    /// <summary><c>{resourceId, resourceType, centerId, centerKind, mode, part, etaMin, score, breakdown}</c>; the score is the sum of its breakdown.</summary>
    /// <param name="standardMin">The answer's coverageStandardMin, against which withinStandard is checked when given.</param>
    public static void Option(JsonElement option, double? standardMin = null)
    {
        Assert.Equal(JsonValueKind.Object, option.ValueKind);
        Assert.False(string.IsNullOrEmpty(option.GetProperty("resourceId").GetString()));
        Assert.False(string.IsNullOrEmpty(option.GetProperty("resourceType").GetString()));
        Assert.False(string.IsNullOrEmpty(option.GetProperty("centerId").GetString()));
        Assert.Contains(option.GetProperty("centerKind").GetString(), new[] { "direct", "partner" });
        Assert.Contains(option.GetProperty("mode").GetString(), new[] { "onsite", "tow" });
        Assert.Contains(option.GetProperty("part").ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
        var eta = option.GetProperty("etaMin").GetDouble();
        var score = option.GetProperty("score").GetDouble();
        var breakdown = option.GetProperty("breakdown");
        Assert.Equal(eta, breakdown.GetProperty("etaMin").GetDouble(), 9);
        var sum = breakdown.GetProperty("etaMin").GetDouble()
            + breakdown.GetProperty("modePenaltyMin").GetDouble()
            + breakdown.GetProperty("crossRegionPenaltyMin").GetDouble()
            + breakdown.GetProperty("partnerPenaltyMin").GetDouble()
            + breakdown.GetProperty("coveragePenaltyMin").GetDouble();
        Assert.Equal(score, sum, 6);
        Assert.True(breakdown.GetProperty("coverageLoss").GetDouble() >= 0);
        var within = option.GetProperty("withinStandard").GetBoolean();
        if (standardMin is { } standard)
        {
            Assert.Equal(eta <= standard, within);
        }
    }

    /// <summary><c>{id, status, incident, assignment, timeline, timeToDispatchSec, waiting}</c>.</summary>
    public static void Case(JsonElement @case)
    {
        Assert.True(!@case.GetProperty("waiting").GetBoolean() || @case.GetProperty("status").GetString() == "open", "only an open case waits");
        Assert.False(string.IsNullOrEmpty(@case.GetProperty("id").GetString()));
        var status = @case.GetProperty("status").GetString();
        Assert.Contains(status, CaseStatuses);
        var incident = @case.GetProperty("incident");
        Assert.Equal(@case.GetProperty("id").GetString(), incident.GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Object, incident.GetProperty("location").ValueKind);
        var assignment = @case.GetProperty("assignment");
        var toDispatch = @case.GetProperty("timeToDispatchSec");
        if (assignment.ValueKind == JsonValueKind.Null)
        {
            Assert.Equal(JsonValueKind.Null, toDispatch.ValueKind);
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(assignment.GetProperty("resourceId").GetString()));
            Assert.False(string.IsNullOrEmpty(assignment.GetProperty("centerId").GetString()));
            Assert.Contains(assignment.GetProperty("mode").GetString(), new[] { "onsite", "tow" });
            Assert.Contains(assignment.GetProperty("part").ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
            Assert.True(assignment.GetProperty("etaMin").GetDouble() >= 0);
            Assert.True(assignment.GetProperty("dispatchedAt").TryGetDateTimeOffset(out _));
            Assert.True(toDispatch.GetDouble() >= 0);
        }

        Assert.InRange(@case.GetProperty("escalationLevel").GetInt32(), 0, 2);
        var timeline = @case.GetProperty("timeline").EnumerateArray().ToList();
        Assert.NotEmpty(timeline);
        foreach (var entry in timeline)
        {
            Assert.False(string.IsNullOrEmpty(entry.GetProperty("type").GetString()));
            Assert.True(entry.GetProperty("at").TryGetDateTimeOffset(out _));
        }
    }

    public static IEnumerable<JsonElement> Options(JsonElement recommendation) =>
        recommendation.GetProperty("recommendation").ValueKind == JsonValueKind.Null
            ? []
            : recommendation.GetProperty("alternatives").EnumerateArray().Prepend(recommendation.GetProperty("recommendation"));

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
