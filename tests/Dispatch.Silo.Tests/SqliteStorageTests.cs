using System.Net;
using Dispatch.Grains.Storage;
using Dispatch.Silo.Storage;
using Microsoft.Data.Sqlite;

namespace Dispatch.Silo.Tests;

public sealed class SqliteStorageTests
{
    [Fact]
    public async Task ConcurrentGrainWrites_SqliteSilo_NoFailureNoLostUpdate()
    {
        await using var silo = TestSilo.New().Start();
        await StorageScenarios.ConcurrentWrites_NoFailureNoLostUpdate(silo, firstGrainId: 1000);

        await silo.RestartAsync();
        await StorageScenarios.AssertCountsAsync(silo, firstGrainId: 1000, StorageScenarios.WritesPerGrain);
    }

    [Fact]
    public async Task StaleWrites_SqliteStorage_ThrowInconsistentState()
    {
        await using var silo = TestSilo.New().Start();
        await StorageScenarios.StaleWrites_ThrowInconsistentState(silo);
    }

    [Fact]
    public async Task Restart_SameDataDir_KeepsStateAndAdminKey()
    {
        await using var silo = TestSilo.New().Start();
        await silo.Grains.GetGrain<Grains.ICounterTestGrain>(7).IncrementAsync();
        await silo.Grains.GetGrain<Grains.ICounterTestGrain>(7).IncrementAsync();
        var adminKey = silo.ReadAdminKey();

        // The second start applies the schema again over the existing database.
        await silo.RestartAsync();

        Assert.Equal(adminKey, silo.ReadAdminKey());
        Assert.Equal(2, await silo.Grains.GetGrain<Grains.ICounterTestGrain>(7).ReadStoredAsync());
        using var client = silo.WithKey(adminKey);
        using var keys = await client.GetAsync("/v1/admin/keys");
        Assert.Equal(HttpStatusCode.OK, keys.StatusCode);
        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task ApplySchema_Twice_IsIdempotentAndSetsWal()
    {
        var dir = SiloHarness.NewTempDir();
        try
        {
            var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, "schema.db"), Pooling = false }.ToString();
            await SchemaInstaller.ApplySqliteAsync(connectionString, CancellationToken.None);
            await SchemaInstaller.ApplySqliteAsync(connectionString, CancellationToken.None);

            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
            // Three statements of the grain storage, seven of the reminder table.
            Assert.Equal(10L, await ScalarAsync(connection, "SELECT count(*) FROM OrleansQuery;"));
            Assert.Equal(1L, await ScalarAsync(connection,
                "SELECT count(*) FROM OrleansQuery WHERE QueryKey = 'UpsertReminderRowKey';"));
            Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM DispatchReminder;"));
            Assert.Equal(1L, await ScalarAsync(connection,
                "SELECT count(*) FROM OrleansQuery WHERE QueryKey = 'WriteToStorageKey';"));
            Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM DispatchGrainState;"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Scripts_AllThree_AreEmbedded()
    {
        Assert.Contains("WriteToStorageKey", StorageScripts.Read(StorageScripts.SqlitePersistence), StringComparison.Ordinal);
        Assert.Contains("WriteToStorageKey", StorageScripts.Read(StorageScripts.PostgresPersistence), StringComparison.Ordinal);
        Assert.Contains("InsertMembershipKey", StorageScripts.Read(StorageScripts.PostgresClustering), StringComparison.Ordinal);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
