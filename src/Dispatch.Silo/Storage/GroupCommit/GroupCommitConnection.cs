using Microsoft.Data.Sqlite;

namespace Dispatch.Silo.Storage.GroupCommit;

/// <summary>A pooled SQLite connection for reads whose commands hand writes to the group commit. It is a
/// <see cref="SqliteConnection"/> because Orleans checks that a data source's connections are the invariant's type.</summary>
internal sealed class GroupCommitConnection(string connectionString, SqliteGroupCommit writer) : SqliteConnection(connectionString)
{
    public override SqliteCommand CreateCommand() => new GroupCommitCommand(writer)
    {
        Connection = this,
        CommandTimeout = DefaultTimeout,
    };
}
