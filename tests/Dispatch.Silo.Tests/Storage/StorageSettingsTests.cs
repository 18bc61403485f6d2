using Dispatch.Silo.Hosting;
using Dispatch.Silo.Storage;
using Npgsql;

namespace Dispatch.Silo.Tests.Storage;

public sealed class StorageSettingsTests
{
    private static readonly DataDirectory Data = new(Path.Combine(Path.GetTempPath(), "dispatch-settings-unused"));

    private static NpgsqlConnectionStringBuilder Postgres(string connectionString) =>
        new(StorageSettings.From(new StorageOptions { Provider = "postgres", ConnectionString = connectionString }, Data).ConnectionString);

    [Fact]
    public void From_PostgresWithoutTimeoutsOrPreparation_ShortWaitsAndStatementsPrepared()
    {
        var builder = Postgres("Host=db.internal;Username=dispatch;Database=dispatch");

        Assert.Equal(5, builder.Timeout);
        Assert.Equal(10, builder.CommandTimeout);
        Assert.Equal(32, builder.MaxAutoPrepare);
        Assert.Equal("db.internal", builder.Host);
    }

    [Fact]
    public void From_PostgresWithASynonymOfAKeyword_KeepsTheOperatorsValue()
    {
        var builder = Postgres("Server=db.internal;User Id=dispatch;Database=dispatch;timeout=20");

        Assert.Equal(20, builder.Timeout);
        Assert.Equal("dispatch", builder.Username);
    }

    [Fact]
    public void From_PostgresWithTheOperatorsValues_KeepsThem()
    {
        var builder = Postgres("Host=db.internal;Username=dispatch;Database=dispatch;Timeout=30;Command Timeout=60;Max Auto Prepare=0");

        Assert.Equal(30, builder.Timeout);
        Assert.Equal(60, builder.CommandTimeout);
        Assert.Equal(0, builder.MaxAutoPrepare);
    }
}
