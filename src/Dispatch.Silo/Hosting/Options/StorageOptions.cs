using Dispatch.Silo.Storage;

namespace Dispatch.Silo.Hosting;

/// <summary>Where grain state is stored (section <c>Dispatch:Storage</c>); <see cref="StorageSettings"/> is what the wiring uses.</summary>
public sealed class StorageOptions
{
    public const string Section = "Dispatch:Storage";

    /// <summary><c>sqlite</c> (default), <c>postgres</c> (also <c>postgresql</c>, <c>npgsql</c>) or <c>memory</c>; any case.</summary>
    public string? Provider { get; set; }

    /// <summary>Required for PostgreSQL; for SQLite, the data directory's file unless given.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply the schema scripts at start; unset means yes for SQLite and no for PostgreSQL.</summary>
    public bool? ApplySchema { get; set; }

    /// <summary>The provider named by <see cref="Provider"/>, or null when it names none.</summary>
    public StorageProviderKind? ProviderKind => (Provider ?? string.Empty).Trim().ToLowerInvariant() switch
    {
        "sqlite" or "" => StorageProviderKind.Sqlite,
        "postgres" or "postgresql" or "npgsql" => StorageProviderKind.Postgres,
        "memory" => StorageProviderKind.Memory,
        _ => null,
    };
}
