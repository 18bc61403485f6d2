using System.Text;
using Dispatch.Grains.Incidents;
using Dispatch.Grains.Tests.Cluster;
using Dispatch.Solver.Documents;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Dispatch.Grains.Tests.Incidents;

/// <summary>Customer data is sealed in the stored case and its fingerprint; a case stored in plain text before
/// (layout version 1) still loads, answers retries, and is sealed by its next change.</summary>
[Collection(ClusterCollection.Name)]
public sealed class IncidentPrivacyTests(ClusterFixture fixture)
{
    // Made-up and distinctive, so that a match in the stored bytes can only be a leak.
    private const string Name = "Pema Sealed-Probe-4K";
    private const string Phone = "+86 139 4444 0404";
    private const string Vin = "LSVSEALEDPROBE404";
    private const string Notes = "gate code 4040, sealed-probe notes";

    private static IncidentRequest WithPrivateData(IncidentRequest request) => request with
    {
        Customer = new CustomerDocument { Name = Name, Phone = Phone },
        Vin = Vin,
        Notes = Notes,
    };

    [Fact]
    public async Task CreateAsync_CustomerData_StoredSealedShownInPlainRetryRecognised()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var id = TestIncidents.NewId();
        var request = WithPrivateData(TestCases.Request(id, area.Site, fixture.Now));
        var grain = fixture.Grains.GetGrain<IIncidentGrain>(id);

        var created = await grain.CreateAsync(request, TestCases.IncidentOf(request), autoDispatch: false);

        Assert.Equal(CaseOutcome.Created, created.Outcome);
        AssertPrivateData(created.Case!.Incident);
        var stored = await ReadStoredAsync(grain);
        Assert.NotNull(stored.SealedCustomerData);
        Assert.NotNull(stored.FingerprintHash);
        Assert.Null(stored.Fingerprint);
        Assert.Null(stored.Request!.Customer);
        AssertNoPlainPrivateData(stored);

        var retried = await grain.CreateAsync(request, TestCases.IncidentOf(request), autoDispatch: false);
        Assert.Equal(CaseOutcome.Ok, retried.Outcome);
        AssertPrivateData(retried.Case!.Incident);
        var otherNotes = request with { Notes = Notes + " (changed)" };
        Assert.Equal(CaseOutcome.Conflict, (await grain.CreateAsync(otherNotes, TestCases.IncidentOf(otherNotes), autoDispatch: false)).Outcome);
        var otherPhone = request with { Customer = request.Customer! with { Phone = "+86 139 4444 0405" } };
        Assert.Equal(CaseOutcome.Conflict, (await grain.CreateAsync(otherPhone, TestCases.IncidentOf(otherPhone), autoDispatch: false)).Outcome);
        AssertPrivateData((await grain.GetAsync())!.Incident);
    }

    [Fact]
    public async Task LegacyPlainState_Loads_RetryRecognised_SealedOnNextChange()
    {
        var area = await IncidentArea.AddAsync(fixture.Grains);
        var id = TestIncidents.NewId();
        var request = WithPrivateData(TestCases.Request(id, area.Site, fixture.Now));
        var incident = TestCases.IncidentOf(request);
        var grain = fixture.Grains.GetGrain<IIncidentGrain>(id);
        // What the grain stored before customer data was sealed: the request and its fingerprint in plain text.
        var legacy = new IncidentCaseState
        {
            Request = request with { AutoDispatch = null },
            Incident = incident,
            Fingerprint = DocumentJson.Write(request with { Id = id, AutoDispatch = null }),
            Timeline = [new TimelineEntry("created", fixture.Now)],
        };
        await Storage.WriteStateAsync(StateName, grain.GetGrainId(), new GrainState<IncidentCaseState>(legacy));

        AssertPrivateData((await grain.GetAsync())!.Incident);
        Assert.Equal(CaseOutcome.Ok, (await grain.CreateAsync(request, incident, autoDispatch: false)).Outcome);
        var other = request with { Vin = "LSVOTHERVIN000000" };
        Assert.Equal(CaseOutcome.Conflict, (await grain.CreateAsync(other, TestCases.IncidentOf(other), autoDispatch: false)).Outcome);

        var cancelled = await grain.AddEventAsync(CaseStatus.Cancelled, null, null);

        Assert.Equal(CaseOutcome.Ok, cancelled.Outcome);
        AssertPrivateData(cancelled.Case!.Incident);
        var stored = await ReadStoredAsync(grain);
        Assert.NotNull(stored.SealedCustomerData);
        Assert.Null(stored.Fingerprint);
        Assert.Equal(CaseStatus.Cancelled, stored.Status);
        AssertNoPlainPrivateData(stored);
        // The fingerprint moved into the hash: the same request is still the same case, another is not.
        Assert.Equal(CaseOutcome.Ok, (await grain.CreateAsync(request, incident, autoDispatch: false)).Outcome);
        Assert.Equal(CaseOutcome.Conflict, (await grain.CreateAsync(other, TestCases.IncidentOf(other), autoDispatch: false)).Outcome);
    }

    private const string StateName = "incident";

    private IServiceProvider SiloServices => fixture.Cluster.GetSiloServiceProvider(fixture.Cluster.GetActiveSilos().First().SiloAddress);

    private IGrainStorage Storage => SiloServices.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);

    private async Task<IncidentCaseState> ReadStoredAsync(IIncidentGrain grain)
    {
        var read = new GrainState<IncidentCaseState>(new IncidentCaseState());
        await Storage.ReadStateAsync(StateName, grain.GetGrainId(), read);
        Assert.True(read.RecordExists);
        return Assert.IsType<IncidentCaseState>(read.State);
    }

    private static void AssertPrivateData(IncidentRequest shown)
    {
        Assert.Equal(Name, shown.Customer!.Name);
        Assert.Equal(Phone, shown.Customer.Phone);
        Assert.Equal(Vin, shown.Vin);
        Assert.Equal(Notes, shown.Notes);
    }

    /// <summary>The state as the storage provider would write it, byte for byte.</summary>
    private void AssertNoPlainPrivateData(IncidentCaseState stored)
    {
        var text = Encoding.UTF8.GetString(SiloServices.GetRequiredService<Serializer>().SerializeToArray(stored));
        // The scan sees plain values where they are: the fault and the vehicle model are stored as they are.
        Assert.Contains(stored.Request!.Vehicle!.Model!, text, StringComparison.Ordinal);
        foreach (var value in new[] { Name, Phone, Vin, Notes, "Sealed-Probe", "4444 0404" })
        {
            Assert.DoesNotContain(value, text, StringComparison.Ordinal);
        }
    }
}
