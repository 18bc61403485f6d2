using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Dispatch.Silo.Storage.GroupCommit;

/// <summary>
/// A command of <see cref="GroupCommitConnection"/>: a statement that only reads (it starts with <c>SELECT</c>) runs on
/// the connection as usual; any other is queued for the group commit with a copy of its parameters, and its result
/// sets are read back once its group has committed.
/// </summary>
internal sealed class GroupCommitCommand(SqliteGroupCommit writer) : SqliteCommand
{
    /// <summary>Whether the statement only reads: the provider's read and query-loading statements start with SELECT.</summary>
    internal static bool IsRead(string sql) => sql.AsSpan().TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);

    public override int ExecuteNonQuery()
    {
        if (IsRead(CommandText) || Transaction is not null)
        {
            return base.ExecuteNonQuery();
        }

        using var reader = ExecuteDbDataReader(CommandBehavior.Default);
        return reader.RecordsAffected;
    }

    public override object? ExecuteScalar()
    {
        if (IsRead(CommandText) || Transaction is not null)
        {
            return base.ExecuteScalar();
        }

        using var reader = ExecuteDbDataReader(CommandBehavior.Default);
        return reader.Read() ? reader.GetValue(0) : null;
    }

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) =>
        IsRead(CommandText) || Transaction is not null
            ? base.ExecuteDbDataReader(behavior)
            : ExecuteGroupedAsync().GetAwaiter().GetResult();

    protected override Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        IsRead(CommandText) || Transaction is not null
            ? base.ExecuteDbDataReaderAsync(behavior, cancellationToken)
            : ExecuteGroupedAsync();

    private async Task<DbDataReader> ExecuteGroupedAsync()
    {
        var parameters = Parameters.Cast<SqliteParameter>().Select(Copy).ToArray();
        var results = await writer.ExecuteAsync(CommandText, parameters).ConfigureAwait(false);
        return results.CreateDataReader();
    }

    private static SqliteParameter Copy(SqliteParameter p)
    {
        var copy = new SqliteParameter(p.ParameterName, p.Value)
        {
            DbType = p.DbType,
            SqliteType = p.SqliteType,
            Direction = p.Direction,
        };

        // Size reads back as a text's or blob's own length when none was set, and as 0 for any other value; set on a
        // value that is bound as text (a date, as the reminder table's StartTime), 0 would cut that text to nothing.
        if (p.Value is string or byte[])
        {
            copy.Size = p.Size;
        }

        return copy;
    }
}
