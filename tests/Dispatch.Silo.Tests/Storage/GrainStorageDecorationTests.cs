using System.Net.Http.Json;
using Dispatch.Grains;
using Microsoft.Extensions.DependencyInjection;
using Dispatch.Silo.Storage;
using Dispatch.Silo.Tests.Harness;
using Dispatch.TestKit.Silos;
using Orleans.Storage;

namespace Dispatch.Silo.Tests.Storage;

public sealed class GrainStorageDecorationTests
{
    [Fact]
    public void DecorateGrainStorage_KeyedFactoryRegistration_ResolvesDecoratorAroundOriginal()
    {
        var original = new RecordingGrainStorage();
        var services = new ServiceCollection();
        services.AddSingleton<SqliteWriteGate>();
        services.AddKeyedSingleton<IGrainStorage>("store", (_, _) => original);

        services.DecorateGrainStorage("store", (sp, inner) => new SerializedWriteGrainStorage(inner, sp.GetRequiredService<SqliteWriteGate>()));
        using var provider = services.BuildServiceProvider();

        var resolved = Assert.IsType<SerializedWriteGrainStorage>(provider.GetRequiredKeyedService<IGrainStorage>("store"));
        Assert.Same(original, resolved.Inner);
        Assert.Same(resolved, provider.GetRequiredKeyedService<IGrainStorage>("store"));
    }

    [Fact]
    public void DecorateGrainStorage_NameNotRegistered_Throws()
    {
        var services = new ServiceCollection();
        services.AddKeyedSingleton<IGrainStorage>("other", (_, _) => new RecordingGrainStorage());

        Assert.Throws<InvalidOperationException>(() => { services.DecorateGrainStorage("store", (_, inner) => inner); });
    }

    [Fact]
    public async Task SqliteSilo_GroupCommitOff_DispatchAndDefaultStoragesShareOneWriteGate()
    {
        await using var silo = TestSilo.New(new SiloOptions { DataDir = SiloHarness.NewTempDir(), GroupCommit = false }).Start();

        var named = Assert.IsType<SerializedWriteGrainStorage>(Untimed(silo.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name)));
        var byDefault = Assert.IsType<SerializedWriteGrainStorage>(
            Untimed(silo.Services.GetRequiredKeyedService<IGrainStorage>(Orleans.Providers.ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)));
        Assert.Same(byDefault, Untimed(silo.Services.GetRequiredService<IGrainStorage>()));
        Assert.NotSame(named, byDefault);
        Assert.IsType<AdoNetGrainStorage>(named.Inner);
    }

    [Fact]
    public async Task SqliteSilo_ByDefault_BothStoragesWriteThroughOneGroupCommit()
    {
        await using var silo = TestSilo.New().Start();

        Assert.IsType<AdoNetGrainStorage>(Untimed(silo.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name)));
        Assert.IsType<AdoNetGrainStorage>(Untimed(silo.Services.GetRequiredKeyedService<IGrainStorage>(Orleans.Providers.ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME)));
        var writer = silo.Services.GetRequiredService<Dispatch.Silo.Storage.GroupCommit.SqliteGroupCommit>();
        var before = writer.Counts.Statements;

        using var admin = silo.Admin();
        using var response = await admin.PostAsync("v1/admin/keys", JsonContent.Create(new { name = "group-commit-probe", role = "agent" }));

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.True(writer.Counts.Statements > before, "the key registry's write did not go through the group commit");
    }

    // Every storage of a silo is timed (TelemetryHosting); what these tests check is underneath.
    private static IGrainStorage Untimed(IGrainStorage storage) => Assert.IsType<TimedGrainStorage>(storage).Inner;
}
