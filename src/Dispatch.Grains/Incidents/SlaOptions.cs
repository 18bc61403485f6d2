namespace Dispatch.Grains.Incidents;

/// <summary>The call center's service standard (section <c>Dispatch:Sla</c>), which escalation measures cases
/// against (docs/escalation.md).</summary>
public sealed class SlaOptions
{
    public const string Section = "Dispatch:Sla";

    /// <summary>A case not dispatched this long after the call (its <c>reportedAt</c>) is escalated, level 1.</summary>
    public TimeSpan DispatchWithin { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A case still not dispatched this long after level 1 fell due is escalated again, level 2.</summary>
    public TimeSpan EscalateAgainAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A case not closed (completed or cancelled) this long after the call is overdue.</summary>
    public TimeSpan CloseWithin { get; set; } = TimeSpan.FromHours(48);
}
