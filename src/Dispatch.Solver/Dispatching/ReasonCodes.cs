namespace Dispatch.Solver.Dispatching;

/// <summary>The exclusion reason codes of docs/dispatch-semantics.md "Eligibility".</summary>
public static class ReasonCodes
{
    public const string NotAvailable = "not_available";
    public const string CannotServeFault = "cannot_serve_fault";
    public const string EvRequiresFlatbed = "ev_requires_flatbed";
    public const string PartSpecUnknown = "part_spec_unknown";
    public const string PartOutOfStock = "part_out_of_stock";
    public const string OutsideServiceRadius = "outside_service_radius";

    public static string RuleDenied(string ruleId) => "rule_denied:" + ruleId;

    public static string PartnerOnly(string ruleId) => "partner_only:" + ruleId;
}
