using Dispatch.Grains;
using Microsoft.Extensions.DependencyInjection;
using Dispatch.Silo.Storage;
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
    public async Task SqliteSilo_DispatchAndDefaultStorages_ShareOneWriteGate()
    {
        await using var silo = TestSilo.New().Start();

        var named = Assert.IsType<SerializedWriteGrainStorage>(silo.Services.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name));
        var byDefault = Assert.IsType<SerializedWriteGrainStorage>(
            silo.Services.GetRequiredKeyedService<IGrainStorage>(Orleans.Providers.ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME));
        Assert.Same(byDefault, silo.Services.GetRequiredService<IGrainStorage>());
        Assert.NotSame(named, byDefault);
        Assert.IsType<AdoNetGrainStorage>(named.Inner);
    }
}
