namespace Dispatch.Silo.Storage;

/// <summary>Where grain state lives (<c>Dispatch:Storage:Provider</c>).</summary>
public enum StorageProviderKind
{
    /// <summary>Embedded default: a SQLite file in the data directory, localhost clustering.</summary>
    Sqlite,

    /// <summary>Production: PostgreSQL for grain state and cluster membership.</summary>
    Postgres,

    /// <summary>In memory, lost on stop: unit tests only.</summary>
    Memory,
}
