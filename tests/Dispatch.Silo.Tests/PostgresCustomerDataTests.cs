using System.Net;
using System.Text;
using Dispatch.Silo.Tests.Api.Support;
using Npgsql;

namespace Dispatch.Silo.Tests;

/// <summary>On PostgreSQL too, the grain state payloads hold no plain customer data (DISPATCH_TEST_POSTGRES).</summary>
public sealed class PostgresCustomerDataTests
{
    private static readonly PrivacyProbe Probe = new("PgRest");

    [PostgresFact]
    public async Task Cases_StoredInPostgres_PayloadBytesHoldNoPlainCustomerData()
    {
        var clusterId = "test-" + Guid.NewGuid().ToString("N")[..12];
        var options = new SiloOptions
        {
            DataDir = SiloHarness.NewTempDir(),
            Provider = "postgres",
            ConnectionString = PostgresFactAttribute.ConnectionString,
            ApplySchema = true,
            ClusterId = clusterId,
            SeedNetwork = SiloHarness.NoSeed,
        };
        await using var silo = TestSilo.New(options).Start();
        try
        {
            using (var admin = silo.Admin())
            {
                await admin.PutJsonAsync("/v1/network", SitesNetwork.Build()).ExpectAsync(HttpStatusCode.OK);
            }

            using (var agent = await silo.AgentAsync())
            {
                var prefix = clusterId + "-case-";
                await agent.CreateCaseAsync(Probe.Call(prefix + "1", site: 1));
                await agent.DispatchCaseAsync(prefix + "1");
                await agent.CreateCaseAsync(Probe.Call(prefix + "2", site: 2));
                await agent.AddEventAsync(prefix + "2", "cancelled");
                var shown = await agent.GetJsonAsync(CaseSteps.CasePath(prefix + "1"));
                Assert.Equal(Probe.Name, shown.GetProperty("incident").GetProperty("customer").Str("name"));
            }

            var payloads = await ReadPayloadsAsync(clusterId);
            Assert.Contains(payloads, p => p.Contains(clusterId + "-case-1", StringComparison.Ordinal) && p.Contains("Probe-Visible-Model", StringComparison.Ordinal));
            foreach (var payload in payloads)
            {
                Probe.AssertAbsent(payload, "a PostgreSQL grain state payload");
            }
        }
        finally
        {
            await silo.StopAsync();
            Directory.Delete(options.DataDir, recursive: true);
        }
    }

    /// <summary>This cluster's grain state payloads (its service id is the cluster id), the bytes read as UTF-8.</summary>
    private static async Task<List<string>> ReadPayloadsAsync(string serviceId)
    {
        await using var connection = new NpgsqlConnection(PostgresFactAttribute.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT payload FROM dispatch_grain_state WHERE service_id = @service AND payload IS NOT NULL", connection);
        command.Parameters.AddWithValue("service", serviceId);
        var payloads = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            payloads.Add(Encoding.UTF8.GetString((byte[])reader[0]));
        }

        Assert.NotEmpty(payloads);
        return payloads;
    }
}
