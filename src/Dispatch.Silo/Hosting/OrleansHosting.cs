using Dispatch.Grains;
using Dispatch.Grains.Scenarios;
using Dispatch.Grains.Serialization;
using Dispatch.Silo.Storage;
using Dispatch.Silo.Storage.GroupCommit;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Storage;

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

        // No gateway anywhere: the API runs inside the silo, so no Orleans client needs one (0 turns it off).
        const int gatewayPort = 0;

        builder.Services.AddSingleton(storage);
        builder.UseOrleans(silo =>
        {
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaInstaller>();
            // The Solver's document and result types travel between grains as JSON.
            silo.Services.AddDispatchSerialization();
            // Grain state in the compact binary form for every storage provider (docs/operations.md "Grain state format").
            silo.Services.AddSingleton<IGrainStorageSerializer>(services => new CompactGrainStorageSerializer(
                new OrleansGrainStorageSerializer(services.GetRequiredService<Orleans.Serialization.Serializer>()),
                ActivatorUtilities.CreateInstance<JsonGrainStorageSerializer>(services)));
            // What-if runs: spread over the silos, computed on dedicated threads (Dispatch:Scenarios).
            silo.AddScenarioRuns();
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            });

            switch (storage.Provider)
            {
                case StorageProviderKind.Postgres:
                    silo.UseDispatchClusterNetworking(cluster);
                    silo.UseAdoNetClustering(o =>
                    {
                        o.Invariant = storage.Invariant;
                        o.ConnectionString = storage.ConnectionString;
                    });
                    AddAdoNetStorage(silo, storage);
                    TranslateStorageFaults(silo);
                    AddAdoNetReminders(silo, storage);
                    break;
                case StorageProviderKind.Sqlite:
                    silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: serviceId, clusterId: clusterId);
                    if (storage.GroupCommit)
                    {
                        AddGroupCommitStorage(silo, storage);
                        AddGroupCommitReminders(silo, storage);
                    }
                    else
                    {
                        AddAdoNetStorage(silo, storage);
                        SerializeSqliteWrites(silo);
                        AddAdoNetReminders(silo, storage);
                    }

                    break;
                default:
                    silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: serviceId, clusterId: clusterId);
                    silo.AddMemoryGrainStorage(GrainStorage.Name);
                    silo.AddMemoryGrainStorageAsDefault();
                    silo.UseInMemoryReminderService();
                    break;
            }
        });
        return builder;
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

    // The AdoNet provider as before (its statements, its serializer, its ETag checks), opening its connections from a
    // data source that sends every write to the one group-committing writer. Both storages write to the same file,
    // so they share it.
    private static void AddGroupCommitStorage(ISiloBuilder silo, StorageSettings storage)
    {
        // Built by the container, so that it disposes them at stop (after Orleans): the writer then finishes what
        // is queued and closes its connection.
        silo.Services.AddSingleton(_ => new SqliteGroupCommit(storage.ConnectionString!, storage.Synchronous));
        silo.Services.AddSingleton(provider => new GroupCommitDataSource(storage.ConnectionString!, provider.GetRequiredService<SqliteGroupCommit>()));

        void Configure(OptionsBuilder<AdoNetGrainStorageOptions> options) =>
            options.Configure<GroupCommitDataSource>((o, dataSource) =>
            {
                o.Invariant = storage.Invariant;
                o.DataSource = dataSource;
            });

        silo.AddAdoNetGrainStorage(GrainStorage.Name, Configure);
        silo.AddAdoNetGrainStorageAsDefault(Configure);
    }

    // Storage failures must reach callers on other silos as something Orleans can carry (FaultTranslatingGrainStorage).
    private static void TranslateStorageFaults(ISiloBuilder silo)
    {
        foreach (var name in new[] { GrainStorage.Name, ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME })
        {
            silo.Services.DecorateGrainStorage(name, (_, inner) => new FaultTranslatingGrainStorage(inner));
        }
    }
    // Reminders (the escalation backstop, docs/escalation.md) in the same database, tables of the project's own scripts.
    private static void AddAdoNetReminders(ISiloBuilder silo, StorageSettings storage) =>
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = storage.Invariant;
            o.ConnectionString = storage.ConnectionString;
        });

    // With group commit, reminder writes join the grain writes' one writer rather than contend with it for the file.
    private static void AddGroupCommitReminders(ISiloBuilder silo, StorageSettings storage) =>
        silo.UseAdoNetReminderService(options =>
            options.Configure<GroupCommitDataSource>((o, dataSource) =>
            {
                o.Invariant = storage.Invariant;
                o.DataSource = dataSource;
            }));

    // Without group commit: SQLite has one writer; both storages write to the same file, so they share one gate.
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
