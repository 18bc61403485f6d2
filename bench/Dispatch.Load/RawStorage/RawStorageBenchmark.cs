using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Dispatch.Load.RawStorage;

/// <summary>Single-row upserts per second on a SQLite file, one transaction per row as a grain write is: the
/// ceiling that durable dispatch commits are compared with.</summary>
/// <remarks>The scratch table lives in the same file (same disk, same WAL) and is dropped afterwards.</remarks>
public sealed class RawStorageBenchmark(TimeProvider time)
{
    private const string Table = "dispatch_load_raw_upsert";
    private IReadOnlyList<string> _effectivePragmas = Pragmas;

    /// <summary>The pragmas the silo's SQLite storage sets (its schema script sets WAL and leaves synchronous at the
    /// library default); the effective synchronous level is read back and reported.</summary>
    public static readonly IReadOnlyList<string> Pragmas = ["journal_mode=WAL"];

    public async Task<RawStorageResult> RunAsync(string path, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        // Same connection settings as the silo: its busy wait is the command timeout.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, DefaultTimeout = 60 }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var pragma in Pragmas)
        {
            await ExecuteAsync(connection, "PRAGMA " + pragma + ";", cancellationToken).ConfigureAwait(false);
        }

        await using (var query = connection.CreateCommand())
        {
            query.CommandText = "PRAGMA synchronous;";
            var level = Convert.ToInt32(await query.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            _effectivePragmas = [.. Pragmas, "synchronous=" + level switch { 0 => "OFF", 1 => "NORMAL", 2 => "FULL", 3 => "EXTRA", _ => level.ToString(CultureInfo.InvariantCulture) }];
        }

        await ExecuteAsync(connection, $"CREATE TABLE IF NOT EXISTS {Table} (id TEXT PRIMARY KEY, version INTEGER NOT NULL, payload BLOB NOT NULL);", cancellationToken)
            .ConfigureAwait(false);
        try
        {
            return await MeasureAsync(connection, duration, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ExecuteAsync(connection, $"DROP TABLE IF EXISTS {Table};", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<RawStorageResult> MeasureAsync(SqliteConnection connection, TimeSpan duration, CancellationToken cancellationToken)
    {
        // About the size of a center grain's state; 1,000 rows cycled, as grains are re-written in place.
        var payload = new byte[1024];
        new Random(7).NextBytes(payload);
        const int distinctRows = 1000;

        await using var upsert = connection.CreateCommand();
        upsert.CommandText = $"INSERT INTO {Table} (id, version, payload) VALUES ($id, 1, $payload) " +
                             "ON CONFLICT(id) DO UPDATE SET version = version + 1, payload = excluded.payload;";
        var id = upsert.Parameters.Add("$id", SqliteType.Text);
        upsert.Parameters.Add("$payload", SqliteType.Blob).Value = payload;

        var started = time.GetTimestamp();
        long rows = 0;
        while (time.GetElapsedTime(started) < duration)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            upsert.Transaction = (SqliteTransaction)transaction;
            id.Value = "row-" + (rows % distinctRows).ToString(CultureInfo.InvariantCulture);
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            rows++;
        }

        var elapsed = time.GetElapsedTime(started);
        return new RawStorageResult(rows, elapsed, rows / elapsed.TotalSeconds, _effectivePragmas);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

public sealed record RawStorageResult(long Rows, TimeSpan Elapsed, double UpsertsPerSecond, IReadOnlyList<string> Pragmas);
