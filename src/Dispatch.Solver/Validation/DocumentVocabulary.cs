namespace Dispatch.Solver.Validation;

/// <summary>The fixed words of the network document and the incident body (docs/dispatch-semantics.md,
/// docs/api.md).</summary>
internal static class DocumentVocabulary
{
    public const string ModeOnsite = Dispatching.DispatchModeNames.Onsite;
    public const string ModeTow = Dispatching.DispatchModeNames.Tow;

    public const string CenterDirect = "direct";
    public const string CenterPartner = "partner";

    public const string RuleDeny = "deny";
    public const string RulePartnerOnly = "partner_only";

    public const string ScopeExpressway = "expressway";

    public static readonly IReadOnlyList<string> Priorities = Dispatching.IncidentPriorityNames.All;

    public static readonly IReadOnlyList<string> Powertrains = ["bev", "erev", "phev", "ice"];
}
