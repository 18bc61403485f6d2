using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dispatch.Silo.Tests.Api.Support;
using Dispatch.Silo.Tests.Metrics;
using Dispatch.Solver.Documents;

namespace Dispatch.Silo.Tests.Notifications;

/// <summary>Customer notifications end to end through the real silo (SQLite) and a real webhook on loopback.</summary>
public sealed class NotificationDeliveryTests : IAsyncLifetime
{
    private const string Secret = "test-webhook-secret";
    private static readonly TimeSpan InitialDelay = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    // Reminders tick at one-minute granularity: a restarted silo may take two ticks to find and fire them.
    private static readonly TimeSpan RemindedDeadline = TimeSpan.FromMinutes(4);

    private static readonly (string Name, string Phone) Alice = ("Alice Notified", "+86 139 1111 2222");
    private static readonly (string Name, string Phone) Bob = ("Bob Otherperson", "+86 137 3333 4444");

    private readonly string dataDir = SiloHarness.NewTempDir();
    // A property, started by each test with its own settings; disposed by DisposeAsync.
    private SiloHarness Silo { get; set; } = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    [Fact]
    public async Task Lifecycle_ReceiverFailsFirstAttempts_EachMessageTakenOnceSignedWithGrowingBackoff()
    {
        await using var receiver = new WebhookReceiver(failFirst: 3);
        await receiver.StartAsync();
        await StartSiloAsync(receiver.Url);
        using var agent = await Silo.AgentAsync();

        var alice = $"ntf-a-{Guid.NewGuid():N}";
        var bob = $"ntf-b-{Guid.NewGuid():N}";
        var dispatched = await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(1), alice).WithCustomer(Alice.Name, Alice.Phone) with { AutoDispatch = true });
        Assert.Equal("dispatched", dispatched.Str("status"));
        await agent.AddEventAsync(alice, "onscene");
        await agent.AddEventAsync(alice, "completed");
        await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(5), bob).WithCustomer(Bob.Name, Bob.Phone) with { AutoDispatch = true });
        await agent.AddEventAsync(bob, "cancelled");

        var aliceCase = await WaitUntilAsync(agent, alice, c => Notifications(c).Count == 3 && Notifications(c).All(n => n.Str("state") == "delivered"));
        var bobCase = await WaitUntilAsync(agent, bob, c => Notifications(c).Count == 2 && Notifications(c).All(n => n.Str("state") == "delivered"));

        // The case shows where each stands, never what it says.
        var aliceNotes = Notifications(aliceCase);
        Assert.Equal(["dispatched", "onscene", "completed"], aliceNotes.Select(n => n.Str("kind")));
        Assert.All(aliceNotes, n => Assert.Equal(4, n.GetProperty("attempts").GetInt32()));
        var shown = Unescaped(aliceCase.GetProperty("notifications").GetRawText());
        Assert.DoesNotContain(Alice.Phone, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(Alice.Name, shown, StringComparison.Ordinal);
        Assert.Equal(["dispatched", "cancelled"], Notifications(bobCase).Select(n => n.Str("kind")));

        // Each message taken once, every attempt with the same id, signed over the raw body.
        var ids = aliceNotes.Concat(Notifications(bobCase)).Select(n => n.Str("id")).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), receiver.Accepted.Keys.Order(StringComparer.Ordinal));
        Assert.All(ids, id => Assert.Equal(1, receiver.AcceptedPosts[id]));
        foreach (var post in receiver.Posts)
        {
            Assert.Equal(Signature(post.Body), post.Signature);
            Assert.StartsWith("application/json", post.ContentType, StringComparison.Ordinal);
            using var body = JsonDocument.Parse(post.Body);
            Assert.Equal(post.MessageId, body.RootElement.Str("id"));
            Assert.Equal(post.Attempt, body.RootElement.GetProperty("attempt").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(body.RootElement.GetProperty("sentAt").GetDateTimeOffset().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), post.Timestamp);
        }

        // Backoff grows: with equal jitter each wait is at least half its ceiling, which doubles per attempt.
        foreach (var id in ids)
        {
            var times = receiver.Posts.Where(p => p.MessageId == id).Select(p => p.At).ToList();
            Assert.Equal(["1", "2", "3", "4"], receiver.Posts.Where(p => p.MessageId == id).Select(p => p.Attempt));
            for (var i = 1; i < times.Count; i++)
            {
                var floor = InitialDelay * Math.Pow(2, i - 1) / 2;
                Assert.True(times[i] - times[i - 1] >= floor - TimeSpan.FromMilliseconds(50), $"wait before attempt {i + 1} was {(times[i] - times[i - 1]).TotalMilliseconds} ms, below {floor.TotalMilliseconds} ms");
            }
        }

        // What the customer is told, addressed to the case's own customer and nobody else.
        var told = receiver.Accepted.Values.ToDictionary(p => p.MessageId, p => JsonDocument.Parse(p.Body).RootElement.Clone());
        var first = told[aliceNotes[0].Str("id")];
        Assert.Equal("dispatched", first.Str("kind"));
        Assert.Equal(alice, first.Str("caseId"));
        Assert.Equal("dispatched", first.Str("status"));
        Assert.Equal(Alice.Name, first.GetProperty("customer").Str("name"));
        Assert.Equal(Alice.Phone, first.GetProperty("customer").Str("phone"));
        var assignment = dispatched.GetProperty("assignment");
        var centerId = assignment.Str("centerId");
        Assert.Equal(centerId, first.GetProperty("center").Str("id"));
        Assert.Equal("Center " + centerId, first.GetProperty("center").Str("name"));
        Assert.Equal(PhoneOf(centerId), first.GetProperty("center").Str("phone"));
        var unitType = NetworkWithPhones().Centers!.SelectMany(c => c.Resources!).Single(r => r.Id == assignment.Str("resourceId")).Type;
        Assert.Equal(unitType, first.Str("unitType"));
        Assert.Equal(Math.Round(assignment.GetProperty("etaMin").GetDouble(), 1), first.GetProperty("etaMin").GetDouble(), 6);
        Assert.Equal(
            assignment.GetProperty("dispatchedAt").GetDateTimeOffset().AddMinutes(assignment.GetProperty("etaMin").GetDouble()),
            first.GetProperty("expectedArrivalAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, told[aliceNotes[2].Str("id")].GetProperty("etaMin").ValueKind);
        foreach (var post in receiver.Posts)
        {
            var text = Unescaped(post.Text);
            var (mine, other) = text.Contains(Alice.Phone, StringComparison.Ordinal) ? (Alice, Bob) : (Bob, Alice);
            Assert.Contains(mine.Name, text, StringComparison.Ordinal);
            Assert.Contains(mine.Phone, text, StringComparison.Ordinal);
            Assert.DoesNotContain(other.Name, text, StringComparison.Ordinal);
            Assert.DoesNotContain(other.Phone, text, StringComparison.Ordinal);
        }

        // Counted, without a case or customer in the labels.
        using var anonymous = Silo.Anonymous();
        var metrics = PrometheusScrape.Parse(await anonymous.GetTextAsync("/metrics"));
        Assert.True(metrics.Sum("dispatch_notifications_delivered_total") >= 5, metrics.Text);
        Assert.True(metrics.Sum("dispatch_notification_failures_total", ("reason", "http_5xx")) >= 15, metrics.Text);
        Assert.DoesNotContain(Alice.Phone, metrics.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_PendingWhileReceiverDown_DeliveredOnceAfterRestart()
    {
        var receiver = new WebhookReceiver(failFirst: 0);
        await using var _ = receiver;
        await StartSiloAsync(receiver.Url);
        using (var agent = await Silo.AgentAsync())
        {
            var id = $"ntf-r-{Guid.NewGuid():N}";
            await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(2), id).WithCustomer(Alice.Name, Alice.Phone) with { AutoDispatch = true });
            var failing = await WaitUntilAsync(agent, id, c => Notifications(c) is [var n] && n.GetProperty("attempts").GetInt32() >= 2);
            var pending = Notifications(failing)[0];
            Assert.Equal("pending", pending.Str("state"));
            Assert.Contains("could not be reached", pending.Str("lastError"), StringComparison.Ordinal);
            Assert.DoesNotContain("/hooks", pending.Str("lastError"), StringComparison.Ordinal);

            await Silo.StopAsync();
            await receiver.StartAsync();
            Silo.Start();

            // Nobody reads the case after the restart: the durable reminders (the delivery grain's, the case's) bring
            // delivery back on their own, at their one-minute granularity.
            var until = DateTime.UtcNow + RemindedDeadline;
            while (!receiver.Accepted.ContainsKey(pending.Str("id")))
            {
                Assert.True(DateTime.UtcNow < until, $"message {pending.Str("id")} was not delivered after the restart");
                await Task.Delay(500);
            }

            using var again = await Silo.AgentAsync();
            var delivered = await WaitUntilAsync(again, id, c => Notifications(c) is [var n] && n.Str("state") == "delivered");
            Assert.Equal(pending.Str("id"), Notifications(delivered)[0].Str("id"));
            Assert.Equal([pending.Str("id")], receiver.Accepted.Keys);
            Assert.Equal(1, receiver.AcceptedPosts[pending.Str("id")]);
        }
    }

    [Fact]
    public async Task NoWebhook_ChangesRecordNotificationsAsSkipped()
    {
        await StartSiloAsync(null);
        using var agent = await Silo.AgentAsync();
        var network = await agent.GetJsonAsync("/v1/network");
        Assert.Equal(PhoneOf(SitesNetwork.Center(3)), network.GetProperty("centers")[3].Str("phone"));
        var id = $"ntf-s-{Guid.NewGuid():N}";

        var created = await agent.CreateCaseAsync(IncidentBodies.FlatTire(SitesNetwork.At(3), id) with { AutoDispatch = true });
        var cancelled = await agent.AddEventAsync(id, "cancelled");

        Assert.Equal(["dispatched"], Notifications(created).Select(n => n.Str("kind")));
        Assert.Equal(["dispatched", "cancelled"], Notifications(cancelled).Select(n => n.Str("kind")));
        Assert.All(Notifications(cancelled), n =>
        {
            Assert.Equal("skipped", n.Str("state"));
            Assert.Equal(0, n.GetProperty("attempts").GetInt32());
        });
    }

    private static string PhoneOf(string centerId) => "+86 891 555 " + centerId[(centerId.IndexOf('-', StringComparison.Ordinal) + 1)..].PadLeft(4, '0');

    private static NetworkDocument NetworkWithPhones()
    {
        var network = SitesNetwork.Build();
        return network with { Centers = [.. network.Centers!.Select(c => c with { Phone = PhoneOf(c.Id!) })] };
    }

    /// <summary>The JSON with nothing escaped that need not be (the writer escapes '+' in phone numbers).</summary>
    private static string Unescaped(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static string Signature(byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));

    private static List<JsonElement> Notifications(JsonElement @case) => [.. @case.GetProperty("notifications").EnumerateArray()];

    private static async Task<JsonElement> WaitUntilAsync(HttpClient agent, string id, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var current = await agent.GetJsonAsync(CaseSteps.CasePath(id));
            if (done(current))
            {
                return current;
            }

            Assert.True(DateTime.UtcNow < deadline, $"case {id} never got there: {current.GetProperty("notifications").GetRawText()}");
            await Task.Delay(200);
        }
    }

    private async Task StartSiloAsync(Uri? webhook)
    {
        Silo = new SiloHarness(
            new SiloOptions { DataDir = dataDir, ClusterId = "dispatch-notify-test", SeedNetwork = SiloHarness.NoSeed },
            SiloLogs.HostAndDispatch);
        if (webhook is not null)
        {
            Silo.Settings["Dispatch:Notifications:Webhooks:0:Url"] = webhook.AbsoluteUri;
            Silo.Settings["Dispatch:Notifications:Webhooks:0:Secret"] = Secret;
        }

        Silo.Settings["Dispatch:Notifications:InitialRetryDelay"] = InitialDelay.ToString();
        Silo.Settings["Dispatch:Notifications:MaxRetryDelay"] = "00:00:03";
        Silo.Settings["Dispatch:Notifications:MaxAttempts"] = "1000";
        Silo.Start();
        using var admin = Silo.Admin();
        await admin.PutJsonAsync("/v1/network", NetworkWithPhones()).ExpectAsync(HttpStatusCode.OK);
    }
}
