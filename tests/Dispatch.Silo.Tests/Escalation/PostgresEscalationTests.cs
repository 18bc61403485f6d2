using Npgsql;

namespace Dispatch.Silo.Tests.Escalation;

/// <summary>Escalation's reminders on PostgreSQL (<c>postgresql-reminders.sql</c>); run when DISPATCH_TEST_POSTGRES is
/// set. Each test class run has a cluster (and service) id of its own, which keys its reminder rows.</summary>
public sealed class PostgresEscalationTests : IAsyncLifetime
{
    public PostgresEscalationTests()
    {
        ServiceId = "esc-" + Guid.NewGuid().ToString("N")[..12];
        Silo = new SiloHarness(
            new SiloOptions
            {
                DataDir = SiloHarness.NewTempDir(),
                Provider = "postgres",
                ConnectionString = PostgresFactAttribute.ConnectionString,
                ApplySchema = true,
                ClusterId = ServiceId,
                SeedNetwork = SiloHarness.NoSeed,
            },
            SiloLogs.Everything);
    }

    /// <summary>Each test's own (a fresh store for its keys and cases in the shared database).</summary>
    private string ServiceId { get; }

    private SiloHarness Silo { get; }

    private EscalationScenarios Scenarios => new(Silo, ReminderRowsAsync);

    public async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(PostgresFactAttribute.ConnectionString))
        {
            return;
        }

        EscalationScenarios.Configure(Silo);
        Silo.Start();
        await EscalationScenarios.PutNetworkAsync(Silo);
    }

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        Directory.Delete(Silo.DataDir, recursive: true);
    }

    [PostgresFact]
    public Task Restart_CaseOpenAcrossIt_ReminderWakesItAndEachLevelFiresOnce() =>
        Scenarios.CaseOpenAcrossARestart_ReminderWakesItAndEachLevelFiresOnce("esc-pg-1");

    [PostgresFact]
    public Task Cancel_OpenCase_ItsReminderRowGoes() => Scenarios.CaseCancelled_ItsReminderRowGoes("esc-pg-2");

    private async Task<long> ReminderRowsAsync(string incidentId)
    {
        await using var connection = new NpgsqlConnection(PostgresFactAttribute.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM dispatch_reminder WHERE service_id = @service AND grain_id LIKE '%' || @id AND reminder_name = 'sla'", connection);
        command.Parameters.AddWithValue("service", ServiceId);
        command.Parameters.AddWithValue("id", incidentId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
