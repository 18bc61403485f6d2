using Dispatch.Grains.Auditing;
using Dispatch.Grains.Tests.Cluster;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Grains.Tests.Auditing;

/// <summary>The audit log in pages per UTC day: every entry kept once, in order, listed page by page with a cursor,
/// filtered by time, key and case.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AuditLogTests(ClusterFixture fixture)
{
    [Fact]
    public async Task RecordAsync_MoreThanAPage_ConcurrentAppends_EachKeptOnceInOrder_ListedByCursor()
    {
        // A day of its own, so that other tests' entries do not mix in.
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 5, 4, 10, 0, 0, TimeSpan.Zero));
        var log = new AuditLog(fixture.Grains, clock);
        var count = AuditPageGrain.Capacity * 2 + 37;

        var kept = await Task.WhenAll(Enumerable.Range(0, count).Select(i => log.RecordAsync(i % 2 == 0 ? "k-even" : "k-odd", "test.append", $"t-{i}")));

        Assert.Equal(count, kept.Select(e => e.Id).Distinct().Count());
        Assert.Contains(kept, e => e.Id == $"2031-05-04.2.36");

        var listed = new List<AuditEntry>();
        AuditPosition? cursor = null;
        var day = clock.GetUtcNow();
        do
        {
            var slice = await log.QueryAsync(new AuditQuery(day.AddHours(-1), day.AddHours(1), After: cursor, Limit: 300));
            Assert.True(slice.Items.Count <= 300);
            listed.AddRange(slice.Items);
            cursor = slice.Next;
        }
        while (cursor is not null);

        Assert.Equal(kept.Select(e => e.Id).Order(StringComparer.Ordinal), listed.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Equal(listed.Count, listed.Select(e => e.Target).Distinct().Count());

        var odd = await log.QueryAsync(new AuditQuery(day.AddHours(-1), day.AddHours(1), KeyId: "k-odd", Limit: 1_000));
        Assert.Equal(count / 2, odd.Items.Count);
        Assert.All(odd.Items, e => Assert.Equal("k-odd", e.KeyId));
    }

    [Fact]
    public async Task QueryAsync_TimeAndIncidentFilters_SpanDays()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 6, 1, 23, 59, 0, TimeSpan.Zero));
        var log = new AuditLog(fixture.Grains, clock);
        await log.RecordAsync("k1", "customer.read", "/v1/incidents/a", incidentId: "a");
        clock.Advance(TimeSpan.FromMinutes(2));
        await log.RecordAsync("k1", "customer.list", "/v1/incidents", detail: "2 case(s)", incidents: ["a", "b"]);
        clock.Advance(TimeSpan.FromDays(2));
        await log.RecordAsync("k2", "customer.read", "/v1/incidents/b", incidentId: "b");

        var start = new DateTimeOffset(2031, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var all = await log.QueryAsync(new AuditQuery(start, start.AddDays(5)));
        Assert.Equal(["customer.read", "customer.list", "customer.read"], all.Items.Select(e => e.Action));
        Assert.Null(all.Next);

        var aboutA = await log.QueryAsync(new AuditQuery(start, start.AddDays(5), IncidentId: "a"));
        Assert.Equal(2, aboutA.Items.Count);
        var aboutB = await log.QueryAsync(new AuditQuery(start, start.AddDays(5), IncidentId: "b"));
        Assert.Equal(["customer.list", "customer.read"], aboutB.Items.Select(e => e.Action));

        var firstDayOnly = await log.QueryAsync(new AuditQuery(start, start.AddDays(1).AddSeconds(-1)));
        Assert.Single(firstDayOnly.Items);
    }

    [Fact]
    public void AuditPosition_RoundTrips_RejectsOtherText()
    {
        var position = new AuditPosition(new DateOnly(2031, 1, 2), 3, 45);
        Assert.True(AuditPosition.TryParse(position.ToString(), out var parsed));
        Assert.Equal(position, parsed);
        foreach (var bad in new[] { "", "x", "2031-01-02.3", "2031-13-02.3.4", "2031-01-02.-3.4", "2031-01-02.3.4.5", " 2031-01-02.3.4" })
        {
            Assert.False(AuditPosition.TryParse(bad, out _), bad);
        }
    }
}
