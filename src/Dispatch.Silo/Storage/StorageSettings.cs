using Dispatch.Silo.Hosting;
using Microsoft.Data.Sqlite;

namespace Dispatch.Silo.Storage;

/// <summary>The storage configuration, validated once at start-up.</summary>
public sealed record StorageSettings(StorageProviderKind Provider, string? ConnectionString, bool ApplySchema)
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

    public static StorageSettings FromConfiguration(IConfiguration configuration, DataDirectory dataDirectory)
    {
        var providerText = configuration[DispatchSettings.StorageProvider];
        var provider = (providerText ?? "sqlite").Trim().ToLowerInvariant() switch
        {
            "sqlite" or "" => StorageProviderKind.Sqlite,
            "postgres" or "postgresql" or "npgsql" => StorageProviderKind.Postgres,
            "memory" => StorageProviderKind.Memory,
            _ => throw new InvalidOperationException(
                $"{DispatchSettings.StorageProvider} must be sqlite, postgres or memory (was '{providerText}')."),
        };

        var applySchemaText = configuration[DispatchSettings.StorageApplySchema];
        bool applySchema;
        if (string.IsNullOrWhiteSpace(applySchemaText))
        {
            // The embedded store must work on a fresh machine; a shared PostgreSQL is usually
            // provisioned by its owners, who opt in.
            applySchema = provider == StorageProviderKind.Sqlite;
        }
        else if (!bool.TryParse(applySchemaText, out applySchema))
        {
            throw new InvalidOperationException($"{DispatchSettings.StorageApplySchema} must be true or false.");
        }

        var connectionString = provider switch
        {
            StorageProviderKind.Sqlite => SqliteConnectionString(configuration[DispatchSettings.StorageConnectionString], dataDirectory),
            StorageProviderKind.Postgres => configuration[DispatchSettings.StorageConnectionString] is { Length: > 0 } pg
                ? pg
                : throw new InvalidOperationException($"{DispatchSettings.StorageConnectionString} is required for PostgreSQL storage."),
            _ => null,
        };

        return new StorageSettings(provider, connectionString, applySchema);
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
