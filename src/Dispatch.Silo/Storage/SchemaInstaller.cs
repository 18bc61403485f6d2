using Dispatch.Grains.Storage;
using Dispatch.Silo.Hosting;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dispatch.Silo.Storage;

/// <summary>
/// Applies the project's storage scripts before Orleans reads its queries from them. Runs in the
/// silo lifecycle's first stage, ahead of membership and grain storage initialization.
/// </summary>
public sealed class SchemaInstaller(StorageSettings settings, ILogger<SchemaInstaller> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    // An arbitrary constant shared by every silo of the deployment: one schema writer at a time.
    private const long PostgresSchemaLockId = 0x44_69_73_70_61_74_63_68; // "Dispatch"

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SchemaInstaller), ServiceLifecycleStage.First, ApplyAsync);

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        if (!settings.ApplySchema)
        {
            return;
        }

        switch (settings.Provider)
        {
            case StorageProviderKind.Sqlite:
                await ApplySqliteAsync(settings.ConnectionString!, cancellationToken);
                break;
            case StorageProviderKind.Postgres:
                await ApplyPostgresAsync(settings.ConnectionString!, cancellationToken);
                break;
            default:
                return;
        }

        logger.SchemaApplied(settings.Provider);
    }

    public static async Task ApplySqliteAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Not in a transaction: the journal mode cannot change inside one.
        foreach (var script in new[] { StorageScripts.SqlitePersistence, StorageScripts.SqliteReminders })
        {
            command.CommandText = StorageScripts.Read(script);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public static async Task ApplyPostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@id)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("id", PostgresSchemaLockId);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var script in new[] { StorageScripts.PostgresPersistence, StorageScripts.PostgresClustering, StorageScripts.PostgresReminders })
        {
            await using var command = new NpgsqlCommand(StorageScripts.Read(script), connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
