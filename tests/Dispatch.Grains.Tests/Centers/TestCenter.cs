using System.Collections.Immutable;
using Dispatch.Grains.Centers;
using Dispatch.Solver.Dispatching;

namespace Dispatch.Grains.Tests.Centers;

/// <summary>A freshly keyed center grain configured for one test, so tests sharing a cluster never meet.</summary>
public static class TestCenter
{
    public const string Tyre = TestIncidents.Tyre;
    public const double Lat = 29.65;
    public const double Lon = 91.1;

    public static ResourceSnapshot Unit(string id, string type = "flatbed", string status = ResourceStatusNames.Available) =>
        new(id, type, status, Lat, Lon);

    public static CenterConfiguration Configuration(IEnumerable<ResourceSnapshot> resources, IReadOnlyDictionary<string, int>? stock = null, long version = 1) =>
        new(
            version,
            [.. resources],
            (stock ?? new Dictionary<string, int>()).ToImmutableDictionary(s => s.Key, s => new StockSnapshot(s.Value, 0), StringComparer.Ordinal));

    /// <summary>A new center with units <c>u1..u{units}</c> and <paramref name="tyres"/> tyres of <see cref="Tyre"/>.</summary>
    public static async Task<IServiceCenterGrain> CreateAsync(IGrainFactory grains, int units = 2, int tyres = 2)
    {
        var center = grains.GetGrain<IServiceCenterGrain>("center-" + Guid.NewGuid().ToString("N"));
        await center.ConfigureAsync(Configuration(
            Enumerable.Range(1, units).Select(i => Unit("u" + i)),
            new Dictionary<string, int> { [Tyre] = tyres }));
        return center;
    }

    /// <summary>The eta a dispatcher would send along; the center only keeps it with the hold.</summary>
    public const double EtaMin = 12.5;

    public static ReserveRequest Hold(string incidentId, string resourceId = "u1", string? sku = null, string mode = "onsite") =>
        new(incidentId, resourceId, mode, sku, EtaMin);

    public static ResourceSnapshot Resource(this CenterSnapshot center, string id) => center.Resources.Single(r => r.Id == id);
}
