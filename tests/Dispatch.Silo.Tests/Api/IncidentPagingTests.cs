using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Dispatch.Silo.Tests.Api.Support;

namespace Dispatch.Silo.Tests.Api;

/// <summary><c>GET /v1/incidents</c> a page at a time: <c>limit</c>, <c>cursor</c> and <c>nextCursor</c>.</summary>
public sealed class IncidentPagingTests(SitesSiloFixture fixture) : IClassFixture<SitesSiloFixture>
{
    private SiloHarness Silo => fixture.Silo;

    [Fact]
    public async Task List_PagesWhileCasesAreCreated_EveryEarlierCaseExactlyOnceAndNoCaseTwice()
    {
        using var agent = await Silo.AgentAsync();
        var before = await CreateAsync(agent, "page-before", 150);

        // Creates go on beside the paging, into shards already passed and shards still ahead.
        using var stop = new CancellationTokenSource();
        var during = new ConcurrentBag<string>();
        var creating = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var id = $"page-during-{n:D4}";
                await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(n % 3), id));
                during.Add(id);
            }
        });

        var seen = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await agent.GetJsonAsync("/v1/incidents?status=open&limit=7" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            var items = page.GetProperty("items").EnumerateArray().Select(c => c.Str("id")).ToList();
            Assert.True(items.Count <= 7);
            seen.AddRange(items);
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.Str("nextCursor");
            pages++;
        }
        while (cursor is not null);

        await stop.CancelAsync();
        await creating;

        var twice = seen.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "listed twice: " + string.Join(", ", twice));
        Assert.Empty(before.Except(seen, StringComparer.Ordinal));
        Assert.True(pages >= 150 / 7, $"{pages} pages for {seen.Count} cases");
        var known = before.Concat(during).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(seen, id => id.StartsWith("page-during-", StringComparison.Ordinal) && !known.Contains(id));
    }

    [Fact]
    public async Task List_FilteredByStatus_PagesHoldOnlyThatStatusAndReachTheEnd()
    {
        using var agent = await Silo.AgentAsync();
        var opened = await CreateAsync(agent, "page-status", 12);
        var dispatched = opened[0];
        await agent.DispatchCaseAsync(dispatched);

        var seen = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await agent.GetJsonAsync("/v1/incidents?status=dispatched&limit=3" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            seen.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.Str("nextCursor");
        }
        while (cursor is not null);

        Assert.All(seen, c => Assert.Equal("dispatched", c.Str("status")));
        Assert.Contains(dispatched, seen.Select(c => c.Str("id")));
    }

    [Fact]
    public async Task List_NoLimit_AtMostOneHundredAndNullCursorOnTheLastPage()
    {
        using var agent = await Silo.AgentAsync();
        await CreateAsync(agent, "page-default", 3);
        var first = await agent.GetJsonAsync("/v1/incidents");
        Assert.True(first.GetProperty("items").GetArrayLength() <= 100);

        var all = await agent.GetJsonAsync("/v1/incidents?limit=1000");
        Assert.True(all.GetProperty("items").GetArrayLength() < 1000);
        Assert.Equal(JsonValueKind.Null, all.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("-5")]
    [InlineData("ten")]
    [InlineData("")]
    public async Task List_LimitOutOfRange_Returns400Problem(string limit)
    {
        using var agent = await Silo.AgentAsync();
        using var response = await agent.GetAsync("/v1/incidents?limit=" + Uri.EscapeDataString(limit));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _), problem.GetRawText());
    }

    [Theory]
    [InlineData("not a cursor")]
    [InlineData("%%%")]
    [InlineData("")]
    [InlineData("OTk5")]
    public async Task List_CursorNotHandedOut_Returns400Problem(string cursor)
    {
        using var agent = await Silo.AgentAsync();
        using var response = await agent.GetAsync("/v1/incidents?cursor=" + Uri.EscapeDataString(cursor));
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _), problem.GetRawText());
    }

    [Theory]
    [InlineData("2:0:x")]
    [InlineData("1:16:")]
    [InlineData("1:-1:")]
    [InlineData("1:3:a\u0001b")]
    public async Task List_CursorOfAnotherLayout_Returns400Problem(string content)
    {
        using var agent = await Silo.AgentAsync();
        var cursor = Convert.ToBase64String(Encoding.UTF8.GetBytes(content)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        using var response = await agent.GetAsync("/v1/incidents?cursor=" + Uri.EscapeDataString(cursor));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    private static async Task<List<string>> CreateAsync(HttpClient agent, string prefix, int count)
    {
        var ids = Enumerable.Range(0, count).Select(n => $"{prefix}-{n:D4}").ToList();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) =>
            await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(int.Parse(id[^1..], System.Globalization.CultureInfo.InvariantCulture) % 3), id)));
        return ids;
    }
}
