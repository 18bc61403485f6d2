using Dispatch.Solver.Dispatching;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Dispatch.Solver.Rules;

/// <summary>A compiled access rule (docs/dispatch-semantics.md "Access rules").</summary>
internal sealed class AccessRule
{
    private static readonly GeometryFactory Points = new(new PrecisionModel(), 4326);

    private readonly IPreparedGeometry? zone;
    private readonly Envelope? zoneEnvelope;

    public AccessRule(int index, string id, bool partnerOnly, bool[] types, Geometry? zone, bool expresswayScope, TimeWindow? window)
    {
        Index = index;
        Id = id;
        PartnerOnly = partnerOnly;
        Types = types;
        this.zone = zone is null ? null : PreparedGeometryFactory.Prepare(zone);
        zoneEnvelope = zone?.EnvelopeInternal;
        ExpresswayScope = expresswayScope;
        Window = window;
        DeniedReason = ReasonCodes.RuleDenied(id);
        PartnerOnlyReason = ReasonCodes.PartnerOnly(id);
    }

    public int Index { get; }
    public string Id { get; }
    public bool PartnerOnly { get; }

    /// <summary>Indexed by resource type index.</summary>
    public bool[] Types { get; }
    public bool ExpresswayScope { get; }
    public TimeWindow? Window { get; }
    public bool HasZone => zone is not null;
    public string DeniedReason { get; }
    public string PartnerOnlyReason { get; }

    /// <summary>Rules without window and scope bar coverage of demand points too.</summary>
    public bool IsStatic => Window is null && !ExpresswayScope;

    public bool ZoneCovers(double lat, double lon) =>
        zone is not null && zoneEnvelope!.Covers(lon, lat) && zone.Covers(Points.CreatePoint(new Coordinate(lon, lat)));

    public bool AppliesTo(Incident incident)
    {
        if (ExpresswayScope && !incident.OnExpressway)
        {
            return false;
        }

        if (zone is not null && !ZoneCovers(incident.Location.Lat, incident.Location.Lon))
        {
            return false;
        }

        return Window is null || Window.Contains(incident.ReportedAt);
    }

    /// <summary>The reason this rule bars a resource type of a center, or null.</summary>
    public string? Bars(int typeIndex, bool centerIsPartner) =>
        !Types[typeIndex] ? null
        : !PartnerOnly ? DeniedReason
        : centerIsPartner ? null
        : PartnerOnlyReason;
}
