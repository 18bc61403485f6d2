using Npgsql;

namespace Dispatch.Silo.Tests.Escalation;

/// <summary>Escalation's reminders on PostgreSQL (<c>postgresql-reminders.sql</c>); run when DISPATCH_TEST_POSTGRES is
/// set. Each test class run has a cluster (and service) id of its own, which keys its reminder rows.</summary>
public sealed class PostgresEscalationTests : IAsyncLifetime
{
    private readonly string serviceId = "esc-" + Guid.NewGuid().ToString("N")[..12];
    private SiloHarness? silo;

    private SiloHarness Silo => silo ?? throw new InvalidOperationException("not started");

    private EscalationScenarios Scenarios => new(Silo, ReminderRowsAsync);

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is null)
        {
            return;
        }

        silo = new SiloHarness(
            new SiloOptions
            {
                DataDir = SiloHarness.NewTempDir(),
                Provider = "postgres",
                ConnectionString = PostgresFactAttribute.ConnectionString,
                ApplySchema = true,
                ClusterId = serviceId,
                SeedNetwork = SiloHarness.NoSeed,
            },
            SiloLogs.Everything);
        EscalationScenarios.Configure(silo);
        silo.Start();
        await EscalationScenarios.PutNetworkAsync(silo);
    }

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            var dataDir = silo.DataDir;
            await silo.DisposeAsync();
            Directory.Delete(dataDir, recursive: true);
        }
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
        command.Parameters.AddWithValue("service", serviceId);
        command.Parameters.AddWithValue("id", incidentId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
