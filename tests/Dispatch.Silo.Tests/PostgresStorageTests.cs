using System.Net;
using Dispatch.Silo.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Dispatch.Silo.Tests;

/// <summary>The storage tests on PostgreSQL (AdoNet clustering and storage); run when DISPATCH_TEST_POSTGRES is set.</summary>
public sealed class PostgresStorageTests
{
    private static SiloOptions NewOptions(string clusterId) => new()
    {
        DataDir = SiloHarness.NewTempDir(),
        Provider = "postgres",
        ConnectionString = PostgresFactAttribute.ConnectionString,
        ApplySchema = true,
        ClusterId = clusterId,
    };

    private static string NewClusterId() => "test-" + Guid.NewGuid().ToString("N")[..12];

    [PostgresFact]
    public async Task ConcurrentGrainWrites_Postgres_NoFailureNoLostUpdateAndSurviveRestart()
    {
        var options = NewOptions(NewClusterId());
        await using var silo = TestSilo.New(options).Start();
        try
        {
            await StorageScenarios.ConcurrentWrites_NoFailureNoLostUpdate(silo, firstGrainId: 2000);
            await silo.RestartAsync();
            await StorageScenarios.AssertCountsAsync(silo, firstGrainId: 2000, StorageScenarios.WritesPerGrain);
            using var client = silo.Admin();
            using var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }
        finally
        {
            await silo.StopAsync();
            Directory.Delete(options.DataDir, recursive: true);
        }
    }

    [PostgresFact]
    public async Task StaleWrites_PostgresStorage_ThrowInconsistentState()
    {
        var options = NewOptions(NewClusterId());
        await using var silo = TestSilo.New(options).Start();
        try
        {
            await StorageScenarios.StaleWrites_ThrowInconsistentState(silo);
        }
        finally
        {
            await silo.StopAsync();
            Directory.Delete(options.DataDir, recursive: true);
        }
    }

    [PostgresFact]
    public async Task TwoSilos_SamePostgresCluster_ShareOneActivation()
    {
        var clusterId = NewClusterId();
        var optionsA = NewOptions(clusterId);
        var optionsB = NewOptions(clusterId);
        await using var siloA = TestSilo.New(optionsA).Start();
        await using var siloB = TestSilo.New(optionsB).Start();
        try
        {
            await WaitForActiveSilosAsync(siloA, 2);
            await WaitForActiveSilosAsync(siloB, 2);

            var activeSilos = new HashSet<string>(StringComparer.Ordinal);
            for (var key = 0; key < 8; key++)
            {
                var viaA = await siloA.Grains.GetGrain<ICounterTestGrain>(3000 + key).GetSiloAsync();
                var viaB = await siloB.Grains.GetGrain<ICounterTestGrain>(3000 + key).GetSiloAsync();
                Assert.Equal(viaA, viaB);
                activeSilos.Add(viaA);

                await siloB.Grains.GetGrain<ICounterTestGrain>(3000 + key).IncrementAsync();
                Assert.Equal(1, await siloA.Grains.GetGrain<ICounterTestGrain>(3000 + key).ReadStoredAsync());
            }

            Assert.NotEmpty(activeSilos);
        }
        finally
        {
            await siloB.StopAsync();
            await siloA.StopAsync();
            Directory.Delete(optionsA.DataDir, recursive: true);
            Directory.Delete(optionsB.DataDir, recursive: true);
        }
    }

    // Membership converges through the table; poll the silo's own view (no wall-clock assertions).
    private static async Task WaitForActiveSilosAsync(SiloHarness silo, int count)
    {
        var membership = silo.Services.GetRequiredService<IClusterMembershipService>();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var active = membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
            if (active >= count)
            {
                return;
            }

            await membership.Refresh();
            await Task.Delay(100);
        }

        Assert.Fail($"The cluster did not reach {count} active silos.");
    }
}
