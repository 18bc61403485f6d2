using System.Collections.Immutable;

namespace Dispatch.Grains.Incidents;

/// <summary>A case as a registry shard lists it. <see cref="Status"/> stays the wire name because listings are persisted
/// in <see cref="IncidentRegistryState"/>; code reads <see cref="StatusKind"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record IncidentListing([property: Id(0)] string Id, [property: Id(1)] string Status, [property: Id(2)] DateTimeOffset UpdatedAt)
{
    /// <summary>The status as an enum; null for a name no version of the silo wrote.</summary>
    public CaseStatusKind? StatusKind => CaseStatus.KindOf(Status);
}

/// <summary>Which incidents are open (not closed) and which closed lately, so that cases can be listed without
/// scanning storage. It learns of a case when it opens and when it closes, not of the steps between (that would
/// cost a write per step); the status it returns is a hint and listings read each case's own status.</summary>
public interface IIncidentRegistryGrain : IGrainWithStringKey
{
    Task TrackAsync(string incidentId, CaseStatusKind status);

    /// <summary>Cases that may be in one of the statuses: the open ones for non-closed statuses, the recently
    /// closed for closed ones; all of them when none is asked.</summary>
    Task<ImmutableArray<IncidentListing>> ListAsync(ImmutableArray<CaseStatusKind> statuses);

    /// <summary>What <see cref="ListAsync"/> lists, in ordinal id order, from the first id after <paramref name="afterId"/>
    /// (from the start when null), at most <paramref name="limit"/> of them.</summary>
    Task<IncidentListingPage> ListPageAsync(ImmutableArray<CaseStatusKind> statuses, string? afterId, int limit);
}

/// <summary>A page of one shard's listing; <see cref="More"/> says whether the shard lists ids after the last one.</summary>
[GenerateSerializer, Immutable]
public sealed record IncidentListingPage([property: Id(0)] ImmutableArray<IncidentListing> Items, [property: Id(1)] bool More);
