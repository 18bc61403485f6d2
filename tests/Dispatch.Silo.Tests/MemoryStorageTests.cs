using System.Net;
using Dispatch.Silo.Tests.Grains;

namespace Dispatch.Silo.Tests;

public sealed class MemoryStorageTests
{
    [Fact]
    public async Task MemoryProvider_Start_IsReadyAndKeepsStateWhileRunning()
    {
        var options = new SiloOptions { DataDir = SiloHarness.NewTempDir(), Provider = "memory" };
        await using var silo = TestSilo.New(options).Start();
        try
        {
            await silo.Grains.GetGrain<ICounterTestGrain>(1).IncrementAsync();
            Assert.Equal(1, await silo.Grains.GetGrain<ICounterTestGrain>(1).ReadStoredAsync());
            using var client = silo.Admin();
            using var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.False(File.Exists(Path.Combine(options.DataDir, "dispatch.db")));
        }
        finally
        {
            await silo.StopAsync();
            Directory.Delete(options.DataDir, recursive: true);
        }
    }
}
