using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Tests.Reference;

internal sealed partial class ReferenceDispatcher
{
    /// <summary>How far a mode got through checks (a)-(d) of docs/dispatch-semantics.md "Eligibility", and the SKU it
    /// would take.</summary>
    private readonly record struct ModeOutcome(int ModeIndex, FaultModeDocument Mode, string? Sku, int Progress, string? Failure)
    {
        public bool Passed => Failure is null;
    }

    /// <summary>Either the modes a resource is offered in (none of checks 1-5 failed) or the one reason it is excluded.</summary>
    private (IReadOnlyList<ModeOutcome> Offered, string? Reason) Evaluate(ReferenceResource resource, Incident incident)
    {
        if (resource.Status != ResourceStatus.Available)
        {
            return ([], ReasonCodes.NotAvailable);
        }

        var outcomes = EvaluateModes(resource, incident);
        var offered = outcomes.Where(o => o.Passed).ToList();
        if (offered.Count == 0)
        {
            return ([], FurthestFailure(outcomes));
        }

        if (FirstBarringRule(resource, incident) is { } ruleReason)
        {
            return ([], ruleReason);
        }

        if (ReferenceGeodesy.HaversineKm(resource.Center.Location!, incident.Location) > resource.Center.ServiceRadiusKm!.Value)
        {
            return ([], ReasonCodes.OutsideServiceRadius);
        }

        return (offered, null);
    }

    private List<ModeOutcome> EvaluateModes(ReferenceResource resource, Incident incident)
    {
        var outcomes = new List<ModeOutcome>();
        if (parameters.Faults is null || !parameters.Faults.TryGetValue(incident.Fault, out var modes))
        {
            return outcomes;
        }

        for (var i = 0; i < modes.Count; i++)
        {
            outcomes.Add(EvaluateMode(i, modes[i], resource, incident));
        }

        return outcomes;
    }

    private ModeOutcome EvaluateMode(int index, FaultModeDocument mode, ReferenceResource resource, Incident incident)
    {
        // (a) the mode lists the resource's type
        if (mode.Types is null || !mode.Types.Contains(resource.Type, StringComparer.Ordinal))
        {
            return new(index, mode, null, 0, ReasonCodes.CannotServeFault);
        }

        // (b) electrified vehicles are towed only by the EV tow types
        if (incident.IsElectrified && mode.Mode == "tow" && !EvTowTypes.Contains(resource.Type, StringComparer.Ordinal))
        {
            return new(index, mode, null, 1, ReasonCodes.EvRequiresFlatbed);
        }

        if (mode.Part is null)
        {
            return new(index, mode, null, 4, null);
        }

        // (c) a template asking for the tyre spec needs it
        string sku;
        if (mode.Part.Contains("{tireSpec}", StringComparison.Ordinal))
        {
            if (string.IsNullOrEmpty(incident.TireSpec))
            {
                return new(index, mode, null, 2, ReasonCodes.PartSpecUnknown);
            }

            sku = mode.Part.Replace("{tireSpec}", incident.TireSpec, StringComparison.Ordinal);
        }
        else
        {
            sku = mode.Part;
        }

        // (d) at least one unit free at the resource's own center
        if (AvailableUnits(resource.Center.Id!, sku) < 1)
        {
            return new(index, mode, sku, 3, ReasonCodes.PartOutOfStock);
        }

        return new(index, mode, sku, 4, null);
    }

    private IReadOnlyList<string> EvTowTypes => parameters.EvTowTypes ?? ["flatbed"];

    /// <summary>The reason of the mode that got furthest, the first such in catalog order.</summary>
    private static string FurthestFailure(List<ModeOutcome> outcomes)
    {
        ModeOutcome? furthest = null;
        foreach (var o in outcomes)
        {
            if (furthest is null || o.Progress > furthest.Value.Progress)
            {
                furthest = o;
            }
        }

        return furthest?.Failure ?? ReasonCodes.CannotServeFault;
    }

    private string? FirstBarringRule(ReferenceResource resource, Incident incident)
    {
        foreach (var (rule, zone) in rules)
        {
            if (!Bars(rule, resource) || !AppliesTo(rule, zone, incident))
            {
                continue;
            }

            return rule.Kind == "deny" ? ReasonCodes.RuleDenied(rule.Id!) : ReasonCodes.PartnerOnly(rule.Id!);
        }

        return null;
    }

    /// <summary>Whether the rule bars this resource wherever it applies: deny bars the listed types,
    /// partner_only bars them unless their center is a partner.</summary>
    private static bool Bars(RuleDocument rule, ReferenceResource resource)
    {
        if (rule.Types is null || !rule.Types.Contains(resource.Type, StringComparer.Ordinal))
        {
            return false;
        }

        return rule.Kind switch
        {
            "deny" => true,
            "partner_only" => !resource.IsPartner,
            _ => throw new InvalidOperationException($"rule {rule.Id} has unknown kind {rule.Kind}"),
        };
    }

    private bool AppliesTo(RuleDocument rule, NetTopologySuite.Geometries.Geometry? zone, Incident incident)
    {
        if (zone is null && rule.Scope is null)
        {
            throw new InvalidOperationException($"rule {rule.Id} has neither zone nor scope");
        }

        if (zone is not null && !ReferenceGeodesy.IsInside(zone, incident.Location))
        {
            return false;
        }

        if (rule.Scope is not null)
        {
            if (rule.Scope != "expressway")
            {
                throw new InvalidOperationException($"rule {rule.Id} has unknown scope {rule.Scope}");
            }

            if (!incident.OnExpressway)
            {
                return false;
            }
        }

        return rule.Window is null || ReferenceWindow.IsActive(rule.Window, parameters.TimeZone!, incident.ReportedAt);
    }
}
