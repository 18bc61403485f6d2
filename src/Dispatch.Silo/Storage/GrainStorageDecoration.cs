using Orleans.Storage;

namespace Dispatch.Silo.Storage;

/// <summary>Wraps grain storages that a provider has already registered by name.</summary>
public static class GrainStorageDecoration
{
    /// <summary>
    /// Replaces the keyed <see cref="IGrainStorage"/> registered under <paramref name="name"/> with
    /// <paramref name="decorate"/> applied to what the original registration builds. Everything that
    /// resolves the storage by its name (grains, the default alias, the provider's own lifecycle
    /// registration) then gets the decorator.
    /// </summary>
    public static IServiceCollection DecorateGrainStorage(
        this IServiceCollection services,
        string name,
        Func<IServiceProvider, IGrainStorage, IGrainStorage> decorate)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(decorate);

        var index = FindLastIndex(services, name);
        if (index < 0)
        {
            throw new InvalidOperationException($"No grain storage is registered under the name '{name}'.");
        }

        var original = services[index];
        if (original.Lifetime != ServiceLifetime.Singleton || original.KeyedImplementationFactory is not { } build)
        {
            throw new InvalidOperationException(
                $"The grain storage '{name}' is not a keyed singleton built by a factory; it cannot be decorated here.");
        }

        services[index] = ServiceDescriptor.KeyedSingleton<IGrainStorage>(
            name,
            (provider, key) => decorate(provider, (IGrainStorage)build(provider, key)));
        return services;
    }

    private static int FindLastIndex(IServiceCollection services, string name)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType == typeof(IGrainStorage)
                && descriptor.IsKeyedService
                && string.Equals(descriptor.ServiceKey as string, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
