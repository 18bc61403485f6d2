using System.Net;
using System.Text.Json;
using Dispatch.Silo.Tests.Api.Support;

namespace Dispatch.Silo.Tests.Escalation;

/// <summary>Escalation through the real silo and HTTP API: the case's level and timeline and <c>?escalated=</c> (the
/// metrics are in <see cref="EscalationMetricsTests"/>). The incident bodies' fixed <c>reportedAt</c> lies long past
/// every deadline; a body reported now lies before them all (the default standard: 2 min, 12 min, 48 h).</summary>
public sealed class EscalationApiTests(SitesSiloFixture fixture) : IClassFixture<SitesSiloFixture>
{
    private static string NewId(string what) => $"esc-{what}-{Guid.NewGuid():N}"[..28];

    private static int[] Levels(JsonElement @case) =>
        [.. @case.GetProperty("timeline").EnumerateArray().Where(t => t.Str("type") == "escalated").Select(t => t.GetProperty("level").GetInt32())];

    private static string[] Types(JsonElement @case) => [.. @case.GetProperty("timeline").EnumerateArray().Select(t => t.Str("type"))];

    [Fact]
    public async Task Create_CallLongPastTheStandard_BothLevelsAndOverdueOnceInTheAnswer()
    {
        using var agent = await fixture.Silo.AgentAsync();
        var id = NewId("old");

        var created = await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(1), id));
        var read = await agent.GetJsonAsync(CaseSteps.CasePath(id));

        Assert.Equal(["created", "escalated", "escalated", "overdue"], Types(created));
        Assert.Equal([1, 2], Levels(created));
        Assert.Equal(2, created.GetProperty("escalationLevel").GetInt32());
        Assert.Equal(Types(created), Types(read));
    }

    [Fact]
    public async Task Create_CallJustNow_NotEscalated()
    {
        using var agent = await fixture.Silo.AgentAsync();
        var id = NewId("new");

        var created = await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(2), id) with { ReportedAt = DateTimeOffset.UtcNow });

        Assert.Equal(["created"], Types(created));
        Assert.Equal(0, created.GetProperty("escalationLevel").GetInt32());
    }

    [Fact]
    public async Task List_EscalatedFilter_KeepsEscalatedCasesAndCombinesWithStatus()
    {
        using var agent = await fixture.Silo.AgentAsync();
        var late = NewId("late");
        var fresh = NewId("fresh");
        var lateDispatched = NewId("lated");
        await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(3), late));
        await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(4), fresh) with { ReportedAt = DateTimeOffset.UtcNow });
        await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(5), lateDispatched));
        await agent.DispatchCaseAsync(lateDispatched);

        var escalated = await IdsAsync(agent, "?escalated=true");
        var notEscalated = await IdsAsync(agent, "?escalated=false");
        var openEscalated = await IdsAsync(agent, "?status=open&escalated=true");
        var dispatchedEscalated = await IdsAsync(agent, "?status=dispatched&escalated=true");

        Assert.Contains(late, escalated);
        Assert.Contains(lateDispatched, escalated);
        Assert.DoesNotContain(fresh, escalated);
        Assert.Contains(fresh, notEscalated);
        Assert.DoesNotContain(late, notEscalated);
        Assert.Contains(late, openEscalated);
        Assert.DoesNotContain(lateDispatched, openEscalated);
        Assert.Contains(lateDispatched, dispatchedEscalated);
        Assert.DoesNotContain(late, dispatchedEscalated);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("1")]
    public async Task List_EscalatedNotABoolean_400NamingIt(string value)
    {
        using var agent = await fixture.Silo.AgentAsync();

        using var response = await agent.GetAsync("/v1/incidents?escalated=" + value);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("escalated", out _), problem.ToString());
    }

    private static async Task<HashSet<string>> IdsAsync(HttpClient agent, string query)
    {
        var list = await agent.GetJsonAsync("/v1/incidents" + query);
        return [.. list.GetProperty("items").EnumerateArray().Select(c => c.Str("id"))];
    }
}
