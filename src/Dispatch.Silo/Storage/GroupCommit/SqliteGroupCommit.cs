using System.Data;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Dispatch.Silo.Storage.GroupCommit;

/// <summary>
/// The one writer of the SQLite file: statements that arrive while a commit is under way are executed together in
/// the next transaction, so concurrent grain writes share one commit and one sync.
/// </summary>
/// <remarks>
/// Each statement runs inside its own savepoint: one that fails (a constraint, a full disk) is rolled back alone
/// and fails alone, while the others of its group commit. A stale ETag is not a failure here: the provider's write
/// statement changes nothing and hands the expected version back, which the provider turns into an
/// <c>InconsistentStateException</c> for that grain only. A caller is answered only after the commit returned,
/// so nothing is acknowledged before it is as durable as <see cref="SqliteSynchronous"/> makes it.
/// </remarks>
public sealed class SqliteGroupCommit : IAsyncDisposable
{
    /// <summary>At most this many statements share a transaction, so one group cannot grow without bound.</summary>
    public const int MaxGroup = 256;

    /// <summary>Distinct statements kept prepared; past this the cache starts over, so text that varies cannot grow it.</summary>
    public const int MaxPrepared = 64;

    private readonly Channel<PendingStatement> queue = Channel.CreateUnbounded<PendingStatement>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string connectionString;
    private readonly SqliteSynchronous synchronous;
    private readonly Task writer;

    // The provider sends a handful of distinct statements; each is parsed once per connection and then only rebound.
    private readonly Dictionary<string, SqliteCommand> prepared = new(StringComparer.Ordinal);
    private long groups;
    private long statements;

    public SqliteGroupCommit(string connectionString, SqliteSynchronous synchronous)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        this.connectionString = connectionString;
        this.synchronous = synchronous;
        writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Commits (groups) so far and the statements they carried: the mean group size is their ratio.</summary>
    public (long Groups, long Statements) Counts => (Interlocked.Read(ref groups), Interlocked.Read(ref statements));

    /// <summary>Runs one statement (which may be several SQL statements) in the next group and returns its result
    /// sets once the group has committed.</summary>
    public Task<DataSet> ExecuteAsync(string sql, IReadOnlyList<SqliteParameter> parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        ArgumentNullException.ThrowIfNull(parameters);
        var pending = new PendingStatement(sql, parameters);
        ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(pending), this);

        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer.ConfigureAwait(false);
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<PendingStatement>(MaxGroup);
        SqliteConnection? connection = null;
        try
        {
            while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                group.Clear();
                while (group.Count < MaxGroup && queue.Reader.TryRead(out var next))
                {
                    group.Add(next);
                }

                try
                {
                    connection ??= Open();
                    Commit(connection, group);
                }
                catch (Exception e)
                {
                    // The transaction did not commit: nothing of the group is stored. A fresh connection next time.
                    foreach (var pending in group)
                    {
                        pending.Done.TrySetException(e);
                    }

                    Close(connection);
                    connection = null;
                }
            }
        }
        finally
        {
            Close(connection);
        }
    }

    private void Close(SqliteConnection? connection)
    {
        DisposePrepared();
        connection?.Dispose();
    }

    private void DisposePrepared()
    {
        foreach (var command in prepared.Values)
        {
            command.Dispose();
        }

        prepared.Clear();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA synchronous = {synchronous.ToPragma()};";
        pragma.ExecuteNonQuery();
        return connection;
    }

    private void Commit(SqliteConnection connection, List<PendingStatement> group)
    {
        var results = new (DataSet? Result, Exception? Error)[group.Count];
        // BEGIN IMMEDIATE: the write lock is taken now, not at the first write.
        using (var transaction = connection.BeginTransaction(deferred: false))
        {
            for (var i = 0; i < group.Count; i++)
            {
                Control(connection, transaction, "SAVEPOINT w;");
                try
                {
                    results[i] = (Run(connection, transaction, group[i]), null);
                    Control(connection, transaction, "RELEASE w;");
                }
                catch (Exception e) when (e is SqliteException or InvalidOperationException or InvalidCastException)
                {
                    Forget(group[i].Sql);
                    Control(connection, transaction, "ROLLBACK TO w;");
                    Control(connection, transaction, "RELEASE w;");
                    results[i] = (null, e);
                }
            }

            transaction.Commit();
        }

        Interlocked.Increment(ref groups);
        Interlocked.Add(ref statements, group.Count);
        for (var i = 0; i < group.Count; i++)
        {
            if (results[i].Error is { } error)
            {
                group[i].Done.TrySetException(error);
            }
            else
            {
                group[i].Done.TrySetResult(results[i].Result!);
            }
        }
    }

    private DataSet Run(SqliteConnection connection, SqliteTransaction transaction, PendingStatement pending)
    {
        var command = Prepared(connection, transaction, pending.Sql);
        command.Parameters.Clear();
        foreach (var parameter in pending.Parameters)
        {
            command.Parameters.Add(parameter);
        }

        using var reader = command.ExecuteReader();
        return ResultSets.Read(reader);
    }

    private void Control(SqliteConnection connection, SqliteTransaction transaction, string sql) =>
        Prepared(connection, transaction, sql).ExecuteNonQuery();

    private SqliteCommand Prepared(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        if (!prepared.TryGetValue(sql, out var command))
        {
            if (prepared.Count >= MaxPrepared)
            {
                DisposePrepared();
            }

            command = connection.CreateCommand();
            command.CommandText = sql;
            prepared.Add(sql, command);
        }

        command.Transaction = transaction;
        return command;
    }

    // A statement that failed may have left its prepared form mid-way: the next use parses it afresh.
    private void Forget(string sql)
    {
        if (prepared.Remove(sql, out var command))
        {
            command.Dispose();
        }
    }

    private sealed record PendingStatement(string Sql, IReadOnlyList<SqliteParameter> Parameters)
    {
        public TaskCompletionSource<DataSet> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
