using Dispatch.Grains.Scenarios;
using Dispatch.Silo.Hosting;
using Dispatch.Silo.Storage;
using Dispatch.Silo.Tests.Api.Support;
using Dispatch.TestKit.Silos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dispatch.Silo.Tests.Hosting;

/// <summary>A bad setting stops the silo at start with a message that names it (docs/operations.md "Configuration"),
/// whether the wiring reads it (storage, ports, files) or a service does (limits, cache, scenario slots).</summary>
public sealed class OptionsValidationTests
{
    public static TheoryData<string, string, string> BadSettings => new()
    {
        // key, bad value, the key the message must name
        { DispatchSettings.StorageProvider, "oracle", DispatchSettings.StorageProvider },
        { DispatchSettings.StorageApplySchema, "maybe", DispatchSettings.StorageApplySchema },
        { DispatchSettings.StorageSynchronous, "off", DispatchSettings.StorageSynchronous },
        { DispatchSettings.StorageGroupCommit, "sometimes", DispatchSettings.StorageGroupCommit },
        { DispatchSettings.SiloPort, "0", DispatchSettings.SiloPort },
        { DispatchSettings.SiloPort, "eleven", DispatchSettings.SiloPort },
        { DispatchSettings.GatewayPort, "30000", DispatchSettings.GatewayPort },
        { DispatchSettings.AdvertisedAddress, "0.0.0.0", DispatchSettings.AdvertisedAddress },
        { DispatchSettings.ProbeTimeout, "00:00:00.100", DispatchSettings.ProbeTimeout },
        { DispatchSettings.MissedProbesLimit, "0", DispatchSettings.MissedProbesLimit },
        { DispatchSettings.ResponseTimeout, "00:00:01", DispatchSettings.ResponseTimeout },
        { DispatchSettings.ClusterId, "", DispatchSettings.ClusterId },
        { DispatchSettings.ServiceId, "", DispatchSettings.ServiceId },
        { DispatchSettings.AdvertisedAddress, "silo-one", DispatchSettings.AdvertisedAddress },
        { DispatchSettings.SeedNetwork, "no-such-network.json", DispatchSettings.SeedNetwork },
        { DispatchSettings.AuthCacheSeconds, "-1", DispatchSettings.AuthCacheSeconds },
        { DispatchSettings.NetworkBodyLimitBytes, "0", DispatchSettings.NetworkBodyLimitBytes },
        { DispatchSettings.ScenarioBodyLimitBytes, "-5", DispatchSettings.ScenarioBodyLimitBytes },
        { DispatchSettings.DefaultBodyLimitBytes, "lots", DispatchSettings.DefaultBodyLimitBytes },
        { DispatchSettings.ScenarioMaxRunning, "-1", DispatchSettings.ScenarioMaxRunning },
        { DispatchSettings.ScenarioMaxRunningPerKey, "-2", DispatchSettings.ScenarioMaxRunningPerKey },
        { ScenarioLimits.Section + ":ThreadsPerSilo", "-1", ScenarioLimits.Section + ":ThreadsPerSilo" },
        { ScenarioLimits.Section + ":SliceMilliseconds", "0", ScenarioLimits.Section + ":SliceMilliseconds" },
        { ScenarioLimits.Section + ":PauseMilliseconds", "-1", ScenarioLimits.Section + ":PauseMilliseconds" },
        { "Dispatch:Notifications:Webhooks:0:Url", "hooks.example.com/dispatch", "Dispatch:Notifications:Webhooks:0:Url" },
        { "Dispatch:Notifications:Webhooks:0:Url", "ftp://hooks.example.com/dispatch", "Dispatch:Notifications:Webhooks:0:Url" },
        { "Dispatch:Notifications:Webhooks:0:Secret", "", "Dispatch:Notifications:Webhooks:0:Secret" },
        { "Dispatch:Notifications:InitialRetryDelay", "00:00:00", "Dispatch:Notifications:InitialRetryDelay" },
        { "Dispatch:Notifications:MaxAttempts", "0", "Dispatch:Notifications:MaxAttempts" },
        { BodyLimitOptions.BatchCommitSetting, "0", BodyLimitOptions.BatchCommitSetting },
        { BodyLimitOptions.BatchCommitSetting, "2001", BodyLimitOptions.BatchCommitSetting },
        { RateLimitOptions.Section + ":Agent:PermitsPerSecond", "0", RateLimitOptions.Section + ":Agent:PermitsPerSecond" },
        { RateLimitOptions.Section + ":Planner:Burst", "-1", RateLimitOptions.Section + ":Planner:Burst" },
        { RateLimitOptions.Section + ":Admin:Burst", "2000000", RateLimitOptions.Section + ":Admin:Burst" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Start_BadSetting_FailsNamingTheSetting(string key, string value, string named)
    {
        await using var silo = SiloHarness.ForApi();
        silo.Settings[key] = value;

        var error = Record.Exception(() => silo.Start());

        Assert.NotNull(error);
        Assert.Contains(named, MessagesOf(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PostgresWithoutConnectionString_FailsNamingTheConnectionString()
    {
        await using var silo = SiloHarness.ForApi();
        silo.Settings[DispatchSettings.StorageProvider] = "postgres";

        var error = Record.Exception(() => silo.Start());

        Assert.NotNull(error);
        Assert.Contains(DispatchSettings.StorageConnectionString, MessagesOf(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_Defaults_StartsWithTheDocumentedValues()
    {
        await using var silo = new SiloHarness().Start();
        var services = silo.Services;

        var limits = services.GetRequiredService<IOptions<BodyLimitOptions>>().Value;
        Assert.Equal(16L * 1024 * 1024, limits.NetworkBodyBytes);
        Assert.Equal(32L * 1024 * 1024, limits.ScenarioBodyBytes);
        Assert.Equal(1L * 1024 * 1024, limits.DefaultBodyBytes);
        var scenarios = services.GetRequiredService<IOptions<ScenarioLimits>>().Value;
        Assert.Equal(2, scenarios.MaxRunning);
        Assert.Equal(1, scenarios.MaxRunningPerKey);
        Assert.Equal((0, 20, 2), (scenarios.ThreadsPerSilo, scenarios.SliceMilliseconds, scenarios.PauseMilliseconds));
        var storage = services.GetRequiredService<StorageSettings>();
        Assert.Equal(StorageProviderKind.Sqlite, storage.Provider);
        Assert.True(storage.ApplySchema);
        Assert.Equal(Dispatch.Silo.Storage.GroupCommit.SqliteSynchronous.Full, storage.Synchronous);
        Assert.True(storage.GroupCommit);
        Assert.Contains(Path.Combine(silo.Options.DataDir, "dispatch.db"), storage.ConnectionString, StringComparison.Ordinal);

        using var client = silo.Anonymous();
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public void Options_Unset_HaveTheDocumentedDefaults()
    {
        Assert.Equal(10, new ApiKeyCacheOptions().CacheSeconds);
        var cluster = new SiloClusterOptions();
        Assert.Equal(("dispatch", "dispatch", 11111), (cluster.ClusterId, cluster.ServiceId, cluster.SiloPort));
        Assert.Equal(System.Net.IPAddress.Loopback, cluster.AdvertisedIp);
        Assert.Equal((TimeSpan.FromSeconds(2), 2, TimeSpan.FromSeconds(15)), (cluster.ProbeTimeout, cluster.MissedProbesLimit, cluster.ResponseTimeout));
        Assert.Equal(StorageProviderKind.Sqlite, new StorageOptions().ProviderKind);
        Assert.Equal(Dispatch.Silo.Storage.GroupCommit.SqliteSynchronous.Full, new StorageOptions().SynchronousLevel);
        Assert.Equal(Dispatch.Silo.Storage.GroupCommit.SqliteSynchronous.Normal, new StorageOptions { Synchronous = " NORMAL " }.SynchronousLevel);
        Assert.True(SiloClusterOptionsValidator.ValidateAll(cluster).Succeeded);
    }

    // The host may wrap the failure (an aggregate of every failed check, or the entry point's exception).
    private static string MessagesOf(Exception error)
    {
        var messages = new List<string>();
        var pending = new Stack<Exception>([error]);
        while (pending.TryPop(out var e))
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                aggregate.InnerExceptions.ToList().ForEach(pending.Push);
            }
            else if (e.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }

        return string.Join(Environment.NewLine, messages);
    }
}
