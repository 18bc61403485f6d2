using Microsoft.Data.Sqlite;

namespace Dispatch.Silo.Tests.Escalation;

/// <summary>Escalation's reminders on SQLite (<c>sqlite-reminders.sql</c>), across restarts of a silo on the same data
/// directory, with a short real standard.</summary>
public sealed class SqliteEscalationTests : IAsyncLifetime
{
    private SiloHarness Silo { get; } = SiloHarness.ForApi(SiloHarness.NoSeed, captureLogs: true);

    private EscalationScenarios Scenarios => new(Silo, ReminderRowsAsync);

    public async Task InitializeAsync()
    {
        EscalationScenarios.Configure(Silo);
        Silo.Start();
        await EscalationScenarios.PutNetworkAsync(Silo);
    }

    public async Task DisposeAsync() => await Silo.DisposeAsync();

    [Fact]
    public Task Restart_CaseOpenAcrossIt_ReminderWakesItAndEachLevelFiresOnce() =>
        Scenarios.CaseOpenAcrossARestart_ReminderWakesItAndEachLevelFiresOnce("esc-sqlite-1");

    [Fact]
    public Task Cancel_OpenCase_ItsReminderRowGoes() => Scenarios.CaseCancelled_ItsReminderRowGoes("esc-sqlite-2");

    private async Task<long> ReminderRowsAsync(string incidentId)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Silo.Options.DataDir, "dispatch.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM DispatchReminder WHERE GrainId LIKE '%' || $id AND ReminderName = 'sla'";
        command.Parameters.AddWithValue("$id", incidentId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
