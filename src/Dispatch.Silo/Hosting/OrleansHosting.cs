using Dispatch.Grains;
using Dispatch.Grains.Serialization;
using Dispatch.Silo.Storage;
using Orleans.Configuration;
using Orleans.Providers;

namespace Dispatch.Silo.Hosting;

/// <summary>Wires the Orleans silo: clustering and grain storage per <see cref="StorageSettings"/>.</summary>
public static class OrleansHosting
{
    public static WebApplicationBuilder AddDispatchOrleans(this WebApplicationBuilder builder, StorageSettings storage, SiloClusterOptions cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var clusterId = cluster.ClusterId;
        var serviceId = cluster.ServiceId;
        var siloPort = cluster.SiloPort;
        var gatewayPort = cluster.GatewayPort;

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
                    ConfigureClusterEndpoints(silo, cluster.AdvertisedIp, siloPort, gatewayPort);
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

    // The address was checked with the options (SiloClusterOptionsValidator): null here means none was given.
    private static void ConfigureClusterEndpoints(ISiloBuilder silo, System.Net.IPAddress? address, int siloPort, int gatewayPort)
    {
        if (address is null)
        {
            silo.ConfigureEndpoints(siloPort, gatewayPort, listenOnAnyHostAddress: true);
            return;
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
