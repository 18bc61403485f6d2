using Dispatch.Silo.Storage.GroupCommit;
using Microsoft.Data.Sqlite;

namespace Dispatch.Silo.Tests.Storage;

public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dispatch-group-commit-").FullName;

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "g.db"), Pooling = false }.ToString();

    [Fact]
    public async Task ExecuteAsync_ConcurrentStatements_ShareCommitsAndAllAreStored()
    {
        await CreateTableAsync();
        await using var writer = new SqliteGroupCommit(ConnectionString, SqliteSynchronous.Full);

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => writer.ExecuteAsync(
            "INSERT INTO t (id, v) VALUES ($id, $v) RETURNING id AS Id", [new SqliteParameter("$id", i), new SqliteParameter("$v", "x")])));

        Assert.Equal(200, await CountAsync());
        var (groups, statements) = writer.Counts;
        Assert.Equal(200, statements);
        Assert.True(groups < statements, $"{groups} commits for {statements} statements");
    }

    [Fact]
    public async Task ExecuteAsync_OneStatementFails_OthersOfItsGroupCommit()
    {
        await CreateTableAsync();
        await using var writer = new SqliteGroupCommit(ConnectionString, SqliteSynchronous.Normal);

        var writes = Enumerable.Range(0, 20)
            .Select(i => writer.ExecuteAsync("INSERT INTO t (id, v) VALUES ($id, 'x')", [new SqliteParameter("$id", i == 7 ? 3 : i)]))
            .ToArray();

        await Assert.ThrowsAsync<SqliteException>(() => writes[7]);
        foreach (var write in writes.Where((_, i) => i != 7))
        {
            await write;
        }

        Assert.Equal(19, await CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_ReturningStatement_HandsBackItsResultSets()
    {
        await CreateTableAsync();
        await using var writer = new SqliteGroupCommit(ConnectionString, SqliteSynchronous.Full);

        var result = await writer.ExecuteAsync("INSERT INTO t (id, v) VALUES (1, 'a') RETURNING id AS NewId; SELECT 5 AS Five;", []);

        using var reader = result.CreateDataReader();
        Assert.True(reader.Read());
        Assert.Equal(1, reader.GetInt32(reader.GetOrdinal("NewId")));
        Assert.True(reader.NextResult());
        Assert.True(reader.Read());
        Assert.Equal(5, reader.GetInt32(0));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task ExecuteAsync_StatementFailsThenRunsAgain_PreparedFormServesTheNextCall()
    {
        await CreateTableAsync();
        await using var writer = new SqliteGroupCommit(ConnectionString, SqliteSynchronous.Normal);
        const string insert = "INSERT INTO t (id, v) VALUES ($id, $v) RETURNING v AS V";

        await writer.ExecuteAsync(insert, [new SqliteParameter("$id", 1), new SqliteParameter("$v", "first")]);
        await Assert.ThrowsAsync<SqliteException>(() => writer.ExecuteAsync(insert, [new SqliteParameter("$id", 1), new SqliteParameter("$v", "again")]));
        var third = await writer.ExecuteAsync(insert, [new SqliteParameter("$id", 2), new SqliteParameter("$v", "third")]);

        using var reader = third.CreateDataReader();
        Assert.True(reader.Read());
        Assert.Equal("third", reader.GetString(0));
        Assert.Equal(2, await CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_MoreDistinctStatementsThanArePrepared_EachRunsWithItsOwnValues()
    {
        await CreateTableAsync();
        await using var writer = new SqliteGroupCommit(ConnectionString, SqliteSynchronous.Normal);

        // Each text differs (a constant of its own), and each is sent twice, so cached and fresh forms both run.
        var writes = Enumerable.Range(0, 2 * SqliteGroupCommit.MaxPrepared + 10)
            .SelectMany(i => new[] { 2 * i, 2 * i + 1 }.Select(id => writer.ExecuteAsync(
                $"INSERT INTO t (id, v) VALUES ($id, 'text {i}')", [new SqliteParameter("$id", id)])))
            .ToArray();
        await Task.WhenAll(writes);

        Assert.Equal(writes.Length, await CountAsync());
    }

    private async Task CreateTableAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL);";
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> CountAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM t;";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
