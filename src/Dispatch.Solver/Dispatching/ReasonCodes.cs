namespace Dispatch.Solver.Dispatching;

/// <summary>The exclusion reason codes of docs/dispatch-semantics.md "Eligibility".</summary>
public static class ReasonCodes
{
    /// <summary>The resource is assigned or offline.</summary>
    public const string NotAvailable = "not_available";
    /// <summary>No mode of the incident's fault lists the resource's type.</summary>
    public const string CannotServeFault = "cannot_serve_fault";
    /// <summary>An electrified vehicle in a tow mode needs one of <c>evTowTypes</c>, and the resource's type is not one.</summary>
    public const string EvRequiresFlatbed = "ev_requires_flatbed";
    /// <summary>The mode's part template needs the vehicle's tire spec, and the incident gives none.</summary>
    public const string PartSpecUnknown = "part_spec_unknown";
    /// <summary>The resource's own center has no free unit (on hand minus reserved) of the resolved SKU.</summary>
    public const string PartOutOfStock = "part_out_of_stock";
    /// <summary>The incident lies beyond the center's service radius.</summary>
    public const string OutsideServiceRadius = "outside_service_radius";

    /// <summary>A deny rule that applies to the incident bars the resource's type; the code names the rule.</summary>
    public static string RuleDenied(string ruleId) => "rule_denied:" + ruleId;

    /// <summary>A partner-only rule that applies to the incident bars the resource's type for own units (a partner's unit passes); the code names the rule.</summary>
    public static string PartnerOnly(string ruleId) => "partner_only:" + ruleId;
}
