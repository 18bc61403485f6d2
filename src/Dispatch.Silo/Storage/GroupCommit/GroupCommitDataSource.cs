using System.Data.Common;

namespace Dispatch.Silo.Storage.GroupCommit;

/// <summary>
/// The data source Orleans' AdoNet grain storage opens its SQLite connections from: reads run on pooled connections
/// of their own, as before; writes go to <see cref="SqliteGroupCommit"/>. The provider's own statements and
/// parameters (<c>sqlite-persistence.sql</c>) are what runs, so rows, versions and ETag checks are the provider's.
/// </summary>
public sealed class GroupCommitDataSource(string connectionString, SqliteGroupCommit writer) : DbDataSource
{
    public override string ConnectionString { get; } = connectionString ?? throw new ArgumentNullException(nameof(connectionString));

    public SqliteGroupCommit Writer { get; } = writer ?? throw new ArgumentNullException(nameof(writer));

    protected override DbConnection CreateDbConnection() => new GroupCommitConnection(ConnectionString, Writer);
}
