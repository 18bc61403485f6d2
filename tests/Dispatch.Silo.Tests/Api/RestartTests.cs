using System.Net;
using Dispatch.Silo.Tests.Api.Support;
using Dispatch.Solver.Documents;

namespace Dispatch.Silo.Tests.Api;

/// <summary>Stop the host and start a new one on the same data directory: nothing committed is lost or changed.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private static readonly IncidentRequest OpenCase = IncidentBodies.FlatTire(SitesNetwork.At(1), "restart-open").WithCustomer("Dawa", "+86 138 0000 0001");

    private SiloHarness Silo { get; } = SiloHarness.ForApi();

    public Task InitializeAsync()
    {
        Silo.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Silo.DisposeAsync();

    [Fact]
    public async Task NoNetworkYet_ReadsAre404_RecommendationsAre503()
    {
        using var agent = await Silo.AgentAsync();
        using (var network = await agent.GetAsync("/v1/network"))
        {
            await ProblemAssert.IsProblemAsync(network, HttpStatusCode.NotFound);
        }

        using (var center = await agent.GetAsync("/v1/centers/" + SitesNetwork.Center(0)))
        {
            await ProblemAssert.IsProblemAsync(center, HttpStatusCode.NotFound);
        }

        using var recommendation = await agent.PostJsonAsync("/v1/recommendations", IncidentBodies.FlatTire(SitesNetwork.At(0)));
        await ProblemAssert.IsProblemAsync(recommendation, HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Restart_SameDataDirectory_SameCasesUnitsStockAndAnswers()
    {
        using (var admin = Silo.Admin())
        {
            await admin.PutJsonAsync("/v1/network", SitesNetwork.Build()).ExpectAsync(HttpStatusCode.OK);
        }

        var ids = await MakeHistoryAsync();
        var before = await SnapshotAsync(ids);

        await Silo.StopAsync();
        Silo.Start();

        var after = await SnapshotAsync(ids);
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (what, text) in before)
        {
            Assert.True(text == after[what], $"{what} differs after the restart.\nBefore: {ApiJson.Shorten(text)}\nAfter:  {ApiJson.Shorten(after[what])}");
        }

        // The restored state is live, not just readable: holds still hold, retries are still recognised.
        using var agent = await Silo.AgentAsync();
        var retried = await agent.CreateCaseAsync(OpenCase);
        Assert.Equal(CanonicalJson.Of(before["case open"]), CanonicalJson.Of(retried.GetRawText()));
        await agent.CompleteAsync(ids["dispatched"]);
        var center = await agent.GetJsonAsync("/v1/centers/" + SitesNetwork.Center(2));
        Assert.Equal((SitesNetwork.TiresOnHand - 1, 0), center.StockOf(IncidentBodies.TireSku));
        Assert.Equal("available", center.Unit(SitesNetwork.Van(2)).Str("status"));
    }

    /// <summary>Cases in every status, a stock movement, a unit off duty and a unit moved. Returns the case ids by status.</summary>
    private async Task<Dictionary<string, string>> MakeHistoryAsync()
    {
        using var agent = await Silo.AgentAsync();
        using var admin = Silo.Admin();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);

        async Task<string> OpenAsync(string status, IncidentRequest incident)
        {
            ids[status] = incident.Id!;
            return (await agent.CreateCaseAsync(incident)).Str("id");
        }

        await OpenAsync("open", OpenCase);
        await agent.DispatchCaseAsync(await OpenAsync("dispatched", IncidentBodies.FlatTire(SitesNetwork.At(2), "restart-dispatched")));
        var enroute = await OpenAsync("enroute", IncidentBodies.FlatTire(SitesNetwork.At(3), "restart-enroute"));
        await agent.DispatchCaseAsync(enroute);
        await agent.AddEventAsync(enroute, "enroute");
        var towing = await OpenAsync("towing", IncidentBodies.Stuck(Places.North(SitesNetwork.At(4), 12), "restart-towing"));
        await agent.DispatchCaseAsync(towing);
        foreach (var step in new[] { "enroute", "onscene", "towing" })
        {
            await agent.AddEventAsync(towing, step);
        }

        var completed = await OpenAsync("completed", IncidentBodies.FlatTire(SitesNetwork.At(5), "restart-completed"));
        await agent.DispatchCaseAsync(completed);
        await agent.CompleteAsync(completed, Places.North(SitesNetwork.At(5), 20));
        var cancelled = await OpenAsync("cancelled", IncidentBodies.FlatTire(SitesNetwork.At(6), "restart-cancelled"));
        await agent.DispatchCaseAsync(cancelled, SitesNetwork.Flatbed(6), "tow");
        await agent.AddEventAsync(cancelled, "cancelled");

        await admin.PostJsonAsync($"/v1/centers/{SitesNetwork.Center(7)}/stock", new { sku = "BATT-12V", delta = 5, reason = "delivery" }).ExpectAsync(HttpStatusCode.OK);
        await admin.PutJsonAsync($"/v1/resources/{SitesNetwork.Flatbed(8)}/status", new { status = "offline" }).ExpectAsync(HttpStatusCode.OK);
        var moved = Places.North(SitesNetwork.At(9), 15);
        await admin.PutJsonAsync($"/v1/resources/{SitesNetwork.Van(9)}/position", new { lat = moved.Lat, lon = moved.Lon }).ExpectAsync(HttpStatusCode.OK);
        return ids;
    }

    /// <summary>Everything the API says about the state, canonical, by what it is.</summary>
    private async Task<Dictionary<string, string>> SnapshotAsync(Dictionary<string, string> ids)
    {
        using var agent = await Silo.AgentAsync();
        var snapshot = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["network"] = CanonicalJson.Of(await agent.GetTextAsync("/v1/network")),
            ["all cases"] = CanonicalJson.Of(await agent.GetTextAsync("/v1/incidents")),
            ["active cases"] = CanonicalJson.Of(await agent.GetTextAsync("/v1/incidents?status=active")),
        };
        foreach (var (status, id) in ids)
        {
            snapshot["case " + status] = CanonicalJson.Of(await agent.GetTextAsync(CaseSteps.CasePath(id)));
        }

        for (var site = 0; site < 10; site++)
        {
            snapshot["center " + site] = CanonicalJson.Of(await agent.GetTextAsync("/v1/centers/" + SitesNetwork.Center(site)));
            foreach (var incident in new[] { IncidentBodies.FlatTire(SitesNetwork.At(site)), IncidentBodies.Stuck(Places.North(SitesNetwork.At(site), 10)) })
            {
                using var response = await agent.PostJsonAsync("/v1/recommendations?options=all&excluded=all", incident);
                var answer = await response.ExpectJsonAsync(HttpStatusCode.OK);
                snapshot[$"recommendation {incident.Fault} at site {site}"] = CanonicalJson.Of(answer.GetRawText(), "computeMicros");
            }
        }

        return snapshot;
    }
}
