using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dispatch.Silo.Tests.Api.Support;
using Dispatch.Solver.Documents;
using Microsoft.Data.Sqlite;

namespace Dispatch.Silo.Tests.Api;

/// <summary>Customer name, phone, VIN and notes are encrypted at rest (Data Protection, keys in the data directory or
/// <c>Dispatch:DataProtection:KeysDir</c>): never in the SQLite rows or files, yet an agent reads them, also after a
/// restart, and a retry with the same customer data is still the same case.</summary>
public sealed class CustomerDataAtRestTests : IAsyncLifetime
{
    // Made-up and distinctive, so that a match in storage can only be a leak.
    private const string Name = "Sonam AtRest-Probe-9Z";
    private const string Phone = "+86 139 9090 1212";
    private const string Vin = "LSVATRESTPROBE912";
    private const string Notes = "AtRest-Probe notes: blue gate, call 9090 1212 first";
    private const string Model = "AtRest-Visible-Model";

    // Parts that no JSON encoder escapes, so a plain value cannot hide behind an escape sequence.
    private static readonly string[] Probes = [Name, Phone, Vin, Notes, "AtRest-Probe", "9090 1212", "139 9090"];

    private SiloHarness Silo { get; } = SiloHarness.ForApi();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Silo.DisposeAsync();

    private static IncidentRequest Call(string id) => IncidentBodies.FlatTire(SitesNetwork.At(1), id) with
    {
        Vehicle = new VehicleDocument { Model = Model, Powertrain = "ice", TireSpec = IncidentBodies.TireSpec },
        Customer = new CustomerDocument { Name = Name, Phone = Phone },
        Vin = Vin,
        Notes = Notes,
    };

    [Fact]
    public async Task Case_StoredInSqlite_NoPlainCustomerData_AgentReadsItAlsoAfterRestart_RetryIsTheSameCase()
    {
        await StartWithNetworkAsync();
        const string id = "at-rest-1";
        using (var agent = await Silo.AgentAsync())
        {
            AssertCustomerData(await agent.CreateCaseAsync(Call(id)));
            await agent.DispatchCaseAsync(id);
            AssertCustomerData(await agent.GetJsonAsync(CaseSteps.CasePath(id)));
        }

        // Read while the silo runs (the rows as the provider wrote them), then the files once it stopped.
        var rows = await ReadStoredRowsAsync();
        Assert.Contains(rows, r => r.Contains(id, StringComparison.Ordinal) && r.Contains(Model, StringComparison.Ordinal));
        AssertNoPlainCustomerData(rows);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(Silo.Options.DataDir, "keys"), "key-*.xml"));

        await Silo.StopAsync();
        AssertNoPlainCustomerData(ReadDatabaseFiles());
        Silo.Start();

        using (var agent = await Silo.AgentAsync())
        {
            var read = await agent.GetJsonAsync(CaseSteps.CasePath(id));
            AssertCustomerData(read);
            Assert.Equal("dispatched", read.Str("status"));

            // The same body again is the same case, as before the restart; other customer data is another request.
            var retried = await agent.PostJsonAsync("/v1/incidents", Call(id)).ExpectAsync(HttpStatusCode.Created);
            Assert.Equal(CanonicalJson.Of(read.GetRawText()), CanonicalJson.Of(retried.GetRawText()));
            using var otherPhone = await agent.PostJsonAsync("/v1/incidents", Call(id) with { Customer = new CustomerDocument { Name = Name, Phone = "+86 139 9090 1213" } });
            await ProblemAssert.IsProblemAsync(otherPhone, HttpStatusCode.Conflict);
            using var otherNotes = await agent.PostJsonAsync("/v1/incidents", Call(id) with { Notes = Notes + "." });
            await ProblemAssert.IsProblemAsync(otherNotes, HttpStatusCode.Conflict);
        }

        using (var planner = await Silo.PlannerAsync())
        {
            var asPlanner = await planner.GetTextAsync(CaseSteps.CasePath(id));
            foreach (var probe in Probes)
            {
                Assert.DoesNotContain(probe, asPlanner, StringComparison.Ordinal);
            }
        }

        AssertNoPlainCustomerData(await ReadStoredRowsAsync());
    }

    [Fact]
    public async Task KeysDirConfigured_KeysKeptThere_CaseReadableAfterRestart()
    {
        var keysDir = Path.Combine(Silo.Options.DataDir, "..", Path.GetFileName(Silo.Options.DataDir) + "-keys");
        Silo.Settings["Dispatch:DataProtection:KeysDir"] = keysDir;
        try
        {
            await StartWithNetworkAsync();
            const string id = "at-rest-keys";
            using (var agent = await Silo.AgentAsync())
            {
                await agent.CreateCaseAsync(Call(id));
            }

            Assert.NotEmpty(Directory.GetFiles(keysDir, "key-*.xml"));
            Assert.False(Directory.Exists(Path.Combine(Silo.Options.DataDir, "keys")));
            AssertNoPlainCustomerData(await ReadStoredRowsAsync());

            await Silo.StopAsync();
            Silo.Start();
            using (var agent = await Silo.AgentAsync())
            {
                AssertCustomerData(await agent.GetJsonAsync(CaseSteps.CasePath(id)));
            }
        }
        finally
        {
            await Silo.StopAsync();
            Directory.Delete(keysDir, recursive: true);
        }
    }

    [Fact]
    public async Task Scenario_ReplayedCallsWithCustomerData_StoredWithoutIt()
    {
        await StartWithNetworkAsync();
        var request = ScenarioSteps.Replay(6);
        request = request with
        {
            Demand = request.Demand! with { Incidents = [.. request.Demand.Incidents!.Select(i => i with { Customer = Call("x").Customer, Vin = Vin, Notes = Notes })] },
        };

        using (var planner = await Silo.PlannerAsync())
        {
            var id = await planner.SubmitAsync(request);
            var done = await planner.WaitUntilCompletedAsync(id);
            Assert.Equal(6, done.GetProperty("scenario").GetProperty("incidents").GetInt32());
        }

        AssertNoPlainCustomerData(await ReadStoredRowsAsync());
    }

    private async Task StartWithNetworkAsync()
    {
        Silo.Start();
        using var admin = Silo.Admin();
        await admin.PutJsonAsync("/v1/network", SitesNetwork.Build()).ExpectAsync(HttpStatusCode.OK);
    }

    private static void AssertCustomerData(JsonElement shownCase)
    {
        var incident = shownCase.GetProperty("incident");
        Assert.Equal(Name, incident.GetProperty("customer").Str("name"));
        Assert.Equal(Phone, incident.GetProperty("customer").Str("phone"));
        Assert.Equal(Vin, incident.Str("vin"));
        Assert.Equal(Notes, incident.Str("notes"));
    }

    /// <summary>Each stored row as text: every column, the payload bytes read as UTF-8.</summary>
    private async Task<List<string>> ReadStoredRowsAsync()
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Silo.Options.DataDir, "dispatch.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        var rows = new List<string>();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM DispatchGrainState;";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row.Append(reader.IsDBNull(i) ? "" : reader.GetValue(i) is byte[] bytes ? Encoding.UTF8.GetString(bytes) : reader.GetValue(i).ToString());
                row.Append('\u001f');
            }

            rows.Add(row.ToString());
        }

        Assert.NotEmpty(rows);
        return rows;
    }

    /// <summary>The database, its write-ahead log and anything else SQLite keeps beside it, byte for byte.</summary>
    private List<string> ReadDatabaseFiles()
    {
        var files = Directory.GetFiles(Silo.Options.DataDir, "dispatch.db*");
        Assert.NotEmpty(files);
        return [.. files.Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f)))];
    }

    private static void AssertNoPlainCustomerData(IEnumerable<string> stored)
    {
        var texts = stored.ToList();
        foreach (var probe in Probes.Concat(Probes.Select(p => JsonEncodedText.Encode(p, JavaScriptEncoder.Default).ToString())))
        {
            Assert.DoesNotContain(texts, t => t.Contains(probe, StringComparison.Ordinal));
        }
    }
}
