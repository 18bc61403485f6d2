namespace Dispatch.Silo.Storage.GroupCommit;

/// <summary>SQLite's <c>synchronous</c> level for the grain state writer (<c>Dispatch:Storage:Synchronous</c>), in WAL mode.</summary>
public enum SqliteSynchronous
{
    /// <summary>Every commit syncs the WAL before it returns: a committed write survives a process kill and a power cut.</summary>
    Full,

    /// <summary>The WAL is synced at checkpoints only: a committed write survives a process kill (the OS has it) but
    /// the last commits may be lost to a power cut or an OS crash. The database stays consistent either way.</summary>
    Normal,
}

public static class SqliteSynchronousExtensions
{
    public static string ToPragma(this SqliteSynchronous level) => level switch
    {
        SqliteSynchronous.Full => "FULL",
        SqliteSynchronous.Normal => "NORMAL",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "not a synchronous level"),
    };
}
