using System.Net;
using Dispatch.Silo.Hosting;
using Dispatch.Silo.Metrics;
using Dispatch.Silo.Tests.Metrics;

namespace Dispatch.Silo.Tests.Hosting;

/// <summary>Per-key rate limits (<c>Dispatch:RateLimits</c>): a key past its bucket gets 429 problems with Retry-After;
/// other keys, probes and scrapes are not held back by it.</summary>
public sealed class RateLimitTests
{
    // One request a second after a burst of three: a key sending a few dozen requests as fast as it can must be
    // refused, however slow the machine (it would need a second per request to stay under).
    private static void TinyAgentBucket(SiloHarness silo)
    {
        // Test silos run without rate limits unless told (SiloOptions); these are the production defaults but one.
        silo.Settings[RateLimitOptions.Section + ":Enabled"] = "true";
        silo.Settings[RateLimitOptions.Section + ":Agent:PermitsPerSecond"] = "1";
        silo.Settings[RateLimitOptions.Section + ":Agent:Burst"] = "3";
    }

    [Fact]
    public async Task Requests_PastTheKeysBucket_Answer429ProblemWithRetryAfterAndSpareOtherKeys()
    {
        await using var silo = SiloHarness.ForApi();
        TinyAgentBucket(silo);
        silo.Start();
        using var agent = await silo.AgentAsync();

        HttpResponseMessage? refused = null;
        for (var i = 0; i < 40 && refused is null; i++)
        {
            var response = await agent.GetAsync("/v1/incidents?limit=1");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
            var retryAfter = Assert.Single(refused.Headers.GetValues("Retry-After"));
            Assert.True(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture) >= 1, retryAfter);
        }

        // Another key, of another role and of the same role, has a bucket of its own; probes and scrapes have none.
        using var admin = silo.Admin();
        using (var response = await admin.GetAsync("/v1/incidents?limit=1"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var anonymous = silo.Anonymous();
        for (var i = 0; i < 10; i++)
        {
            using var live = await anonymous.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        using var scrape = await anonymous.GetAsync(MetricsHosting.Path);
        var metrics = PrometheusScrape.Parse(await scrape.Content.ReadAsStringAsync());
        Assert.True(metrics.Sum("dispatch_rate_limited_total", ("role", "agent")) >= 1, "no refusal counted");
    }

    [Fact]
    public async Task Requests_TwoKeysOfOneRole_EachHasItsOwnBucket()
    {
        await using var silo = SiloHarness.ForApi();
        TinyAgentBucket(silo);
        silo.Start();
        using var first = await silo.AgentAsync();
        using var second = silo.WithKey(await NewAgentKeyAsync(silo));

        var firstRefused = false;
        for (var i = 0; i < 40 && !firstRefused; i++)
        {
            using var response = await first.GetAsync("/v1/incidents?limit=1");
            firstRefused = response.StatusCode == HttpStatusCode.TooManyRequests;
        }

        Assert.True(firstRefused);
        using var other = await second.GetAsync("/v1/incidents?limit=1");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Requests_RateLimitsDisabled_NeverAnswer429()
    {
        await using var silo = SiloHarness.ForApi();
        TinyAgentBucket(silo);
        silo.Settings[RateLimitOptions.Section + ":Enabled"] = "false";
        silo.Start();
        using var agent = await silo.AgentAsync();

        for (var i = 0; i < 30; i++)
        {
            using var response = await agent.GetAsync("/v1/incidents?limit=1");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static async Task<string> NewAgentKeyAsync(SiloHarness silo)
    {
        using var admin = silo.Admin();
        using var response = await admin.PostAsync("/v1/admin/keys", System.Net.Http.Json.JsonContent.Create(new { name = "second agent", role = "agent" }));
        response.EnsureSuccessStatusCode();
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("key").GetString()!;
    }
}
