using Dispatch.Grains;
using Dispatch.Grains.Serialization;
using Dispatch.Silo.Storage;
using Orleans.Configuration;
using Orleans.Providers;

namespace Dispatch.Silo.Hosting;

/// <summary>Wires the Orleans silo: clustering and grain storage per <see cref="StorageSettings"/>.</summary>
public static class OrleansHosting
{
    public static WebApplicationBuilder AddDispatchOrleans(this WebApplicationBuilder builder, StorageSettings storage)
    {
        var configuration = builder.Configuration;
        var clusterId = configuration[DispatchSettings.ClusterId] ?? "dispatch";
        var serviceId = configuration[DispatchSettings.ServiceId] ?? "dispatch";
        var siloPort = configuration.GetValue(DispatchSettings.SiloPort, EndpointOptions.DEFAULT_SILO_PORT);
        var gatewayPort = configuration.GetValue(DispatchSettings.GatewayPort, EndpointOptions.DEFAULT_GATEWAY_PORT);

        builder.Services.AddSingleton(storage);
        builder.UseOrleans(silo =>
        {
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaInstaller>();
            // The Solver's document and result types travel between grains as JSON.
            silo.Services.AddDispatchSerialization();
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });

            switch (storage.Provider)
            {
                case StorageProviderKind.Postgres:
                    ConfigureClusterEndpoints(silo, configuration[DispatchSettings.AdvertisedAddress], siloPort, gatewayPort);
                    silo.UseAdoNetClustering(o =>
                    {
                        o.Invariant = storage.Invariant;
                        o.ConnectionString = storage.ConnectionString;
                    });
                    AddAdoNetStorage(silo, storage);
                    break;
                case StorageProviderKind.Sqlite:
                    silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: serviceId, clusterId: clusterId);
                    AddAdoNetStorage(silo, storage);
                    SerializeSqliteWrites(silo);
                    break;
                default:
                    silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: serviceId, clusterId: clusterId);
                    silo.AddMemoryGrainStorage(GrainStorage.Name);
                    silo.AddMemoryGrainStorageAsDefault();
                    break;
            }
        });
        return builder;
    }

    private static void ConfigureClusterEndpoints(ISiloBuilder silo, string? advertisedAddress, int siloPort, int gatewayPort)
    {
        if (string.IsNullOrWhiteSpace(advertisedAddress))
        {
            silo.ConfigureEndpoints(siloPort, gatewayPort, listenOnAnyHostAddress: true);
            return;
        }

        if (!System.Net.IPAddress.TryParse(advertisedAddress, out var address))
        {
            throw new InvalidOperationException($"{DispatchSettings.AdvertisedAddress} must be an IP address.");
        }

        silo.ConfigureEndpoints(address, siloPort, gatewayPort, listenOnAnyHostAddress: false);
    }

    // Registered under the project's name and as the default, so a grain that names no storage
    // still lands in the same place.
    private static void AddAdoNetStorage(ISiloBuilder silo, StorageSettings storage)
    {
        void Configure(AdoNetGrainStorageOptions o)
        {
            o.Invariant = storage.Invariant;
            o.ConnectionString = storage.ConnectionString;
        }

        silo.AddAdoNetGrainStorage(GrainStorage.Name, Configure);
        silo.AddAdoNetGrainStorageAsDefault(Configure);
    }

    // SQLite has one writer; both storages write to the same file, so they share one gate.
    private static void SerializeSqliteWrites(ISiloBuilder silo)
    {
        silo.Services.AddSingleton<SqliteWriteGate>();
        foreach (var name in new[] { GrainStorage.Name, ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME })
        {
            silo.Services.DecorateGrainStorage(
                name,
                (provider, inner) => new SerializedWriteGrainStorage(inner, provider.GetRequiredService<SqliteWriteGate>()));
        }
    }
}
