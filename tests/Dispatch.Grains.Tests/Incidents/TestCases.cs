using Dispatch.Grains.Incidents;
using Dispatch.Grains.Tests.Cluster;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Grains.Tests.Incidents;

/// <summary>Opens cases at an <see cref="IncidentArea"/> and walks them along their life.</summary>
public static class TestCases
{
    /// <summary>How long before the grain clock's "now" the test incidents were reported.</summary>
    public static TimeSpan ReportedAgo { get; } = TimeSpan.FromSeconds(90);

    public static IncidentRequest Request(string id, GeoPoint location, DateTimeOffset reportedAt, string fault = "stuck") => new()
    {
        Id = id,
        Location = location,
        ReportedAt = reportedAt,
        Fault = fault,
        Vehicle = new VehicleDocument { Model = "Model Y", Powertrain = "ice", TireSpec = TestIncidents.TyreSpec },
        Priority = "p2",
        OnExpressway = false,
        Customer = new CustomerDocument { Name = "Tashi", Phone = "+86 891 000 0000" },
    };

    public static Incident IncidentOf(IncidentRequest request) => new(
        request.Location!, request.ReportedAt!.Value, request.Fault!, request.Vehicle!.Powertrain!, request.Vehicle.TireSpec,
        request.Priority!, request.OnExpressway ?? false);

    /// <summary>Opens a case at the area's site, reported <see cref="ReportedAgo"/> before now.</summary>
    public static async Task<(IIncidentGrain Grain, CaseResult Created)> OpenAsync(
        ClusterFixture fixture, IncidentArea area, string fault = "stuck", bool autoDispatch = false)
    {
        var id = TestIncidents.NewId();
        var request = Request(id, area.Site, fixture.Now - ReportedAgo, fault);
        var grain = fixture.Grains.GetGrain<IIncidentGrain>(id);
        var created = await grain.CreateAsync(request, IncidentOf(request), autoDispatch);
        return (grain, created);
    }

    /// <summary>Reports an event by its wire name, as the API receives it, so that the tests read like the API.</summary>
    public static Task<CaseResult> AddEventAsync(this IIncidentGrain grain, string type, DateTimeOffset? at, GeoPoint? position) =>
        grain.AddEventAsync(CaseStatus.KindOf(type) ?? throw new ArgumentException($"'{type}' is no case status", nameof(type)), at, position);

    /// <summary>Takes a case from open to <paramref name="status"/> by the legal path (tow cases pass towing).</summary>
    public static async Task WalkToAsync(IIncidentGrain grain, string status, string? resourceId = null, string? mode = null)
    {
        if (status == CaseStatus.Open)
        {
            return;
        }

        if (status == CaseStatus.Cancelled)
        {
            Assert.Equal(CaseOutcome.Ok, (await grain.AddEventAsync(CaseStatus.Cancelled, null, null)).Outcome);
            return;
        }

        var current = (await grain.DispatchAsync(resourceId, mode)).Case!;
        Assert.Equal(CaseStatus.Dispatched, current.Status);
        foreach (var next in new[] { CaseStatus.Enroute, CaseStatus.OnScene, CaseStatus.Towing, CaseStatus.Completed })
        {
            if (current.Status == status)
            {
                return;
            }

            if (next == CaseStatus.Towing && current.Assignment!.Mode != "tow")
            {
                continue;
            }

            var result = await grain.AddEventAsync(next, null, null);
            Assert.Equal(CaseOutcome.Ok, result.Outcome);
            current = result.Case!;
        }

        Assert.Equal(status, current.Status);
    }
}
