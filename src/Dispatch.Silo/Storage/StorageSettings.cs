using System.Data.Common;
using Dispatch.Silo.Hosting;
using Dispatch.Silo.Storage.GroupCommit;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dispatch.Silo.Storage;

/// <summary>The storage the wiring uses, resolved from <see cref="StorageOptions"/> (defaults filled in).</summary>
/// <param name="Synchronous">SQLite's sync level for grain writes (WAL mode).</param>
/// <param name="GroupCommit">SQLite: concurrent grain writes share one transaction and one sync.</param>
public sealed record StorageSettings(
    StorageProviderKind Provider,
    string? ConnectionString,
    bool ApplySchema,
    SqliteSynchronous Synchronous = SqliteSynchronous.Full,
    bool GroupCommit = true)
{
    /// <summary>Orleans knows SQLite by this name and serves it with Microsoft.Data.Sqlite's factory.</summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    public const string PostgresInvariant = "Npgsql";

    public string Invariant => Provider switch
    {
        StorageProviderKind.Sqlite => SqliteInvariant,
        StorageProviderKind.Postgres => PostgresInvariant,
        _ => throw new InvalidOperationException("In-memory storage has no ADO.NET invariant."),
    };

    /// <summary>The SQLite database file, for SQLite storage on a file (not in memory); else null.</summary>
    public string? SqliteFile => Provider == StorageProviderKind.Sqlite && new SqliteConnectionStringBuilder(ConnectionString) is { Mode: not SqliteOpenMode.Memory, DataSource: { Length: > 0 } source } && source != ":memory:"
        ? Path.GetFullPath(source)
        : null;

    /// <param name="options">Options that passed <see cref="StorageOptionsValidator"/>.</param>
    public static StorageSettings From(StorageOptions options, DataDirectory dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = options.ProviderKind
            ?? throw new InvalidOperationException($"{DispatchSettings.StorageProvider} must be sqlite, postgres or memory (was '{options.Provider}').");

        // The embedded store must work on a fresh machine; a shared PostgreSQL is usually
        // provisioned by its owners, who opt in.
        var applySchema = options.ApplySchema ?? provider == StorageProviderKind.Sqlite;

        var connectionString = provider switch
        {
            StorageProviderKind.Sqlite => SqliteConnectionString(options.ConnectionString, dataDirectory),
            StorageProviderKind.Postgres => options.ConnectionString is { Length: > 0 } pg
                ? PostgresConnectionString(pg)
                : throw new InvalidOperationException($"{DispatchSettings.StorageConnectionString} is required for PostgreSQL storage."),
            _ => null,
        };

        var synchronous = options.SynchronousLevel
            ?? throw new InvalidOperationException($"{DispatchSettings.StorageSynchronous} must be full or normal (was '{options.Synchronous}').");
        return new StorageSettings(provider, connectionString, applySchema, synchronous, options.GroupCommit ?? true);
    }

    // Npgsql waits 15 s to connect and 30 s for a command by default: a request would hang that long on a database
    // that is down or unreachable. Short waits make it fail fast (503) instead; a value the operator gave is kept.
    private static string PostgresConnectionString(string configured)
    {
        var builder = new NpgsqlConnectionStringBuilder(configured);

        // Npgsql's builder knows every keyword, so its ContainsKey says nothing of what was given; its connection
        // string holds only the values set, under their canonical names, whichever synonym the operator wrote.
        var given = new DbConnectionStringBuilder { ConnectionString = builder.ConnectionString };
        if (!given.ContainsKey("Timeout"))
        {
            builder.Timeout = 5;
        }

        if (!given.ContainsKey("Command Timeout"))
        {
            builder.CommandTimeout = 10;
        }

        // The storage and reminder providers send the same few statements over and over; unprepared, PostgreSQL parses
        // and plans each one again, and on a busy machine that is a third more CPU per write (bench/README.md).
        if (!given.ContainsKey("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = 32;
        }

        return builder.ToString();
    }

    // SQLite serializes writers. Microsoft.Data.Sqlite retries a busy database until the command
    // timeout runs out, so the default timeout is the busy timeout; WAL is set by the schema script.
    private static string SqliteConnectionString(string? configured, DataDirectory dataDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? string.Empty);
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            builder.DataSource = dataDirectory.SqliteFile;
        }

        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.Pooling = true;
        if (builder.DefaultTimeout <= 30)
        {
            builder.DefaultTimeout = 60;
        }

        return builder.ToString();
    }
}
