using System.Collections.Immutable;

namespace Dispatch.Grains.Incidents;

[GenerateSerializer, Immutable]
public sealed record IncidentListing([property: Id(0)] string Id, [property: Id(1)] string Status, [property: Id(2)] DateTimeOffset UpdatedAt);

/// <summary>Which incidents exist in which status, so that cases can be listed without scanning storage.
/// Keeps every case not yet closed and the most recent closed ones.</summary>
public interface IIncidentRegistryGrain : IGrainWithStringKey
{
    Task TrackAsync(string incidentId, string status);

    Task<ImmutableArray<IncidentListing>> ListAsync(ImmutableArray<string> statuses);
}
