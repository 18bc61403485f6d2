using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Tests.BatchLive;

/// <summary>An option as the oracle works it out: unit, mode, part line, and its batch cost (score without the
/// coverage term).</summary>
internal sealed record ScratchOption(string ResourceId, string CenterId, string Mode, string? Sku, double Cost);

/// <summary>
/// The rules of docs/dispatch-semantics.md worked out from the page alone, with none of the engine's code: eligibility
/// (status, modes, EV towing, parts, zone rules, service radius), costs, who covers which demand point, and the batch
/// objective; and an exhaustive search over every way to give each incident one option or none.
/// </summary>
internal sealed class ScratchBatchOracle
{
    private const double EarthRadiusKm = 6371.0088;
    private readonly LiveBatchCase batch;
    private readonly NetworkParameters parameters;
    private readonly List<(CenterDocument Center, ResourceDocument Resource)> units;
    private readonly Dictionary<string, double> weight;
    private readonly List<(double Weight, HashSet<string> Coverers)> coverage;

    public ScratchBatchOracle(LiveBatchCase batch)
    {
        this.batch = batch;
        parameters = batch.Document.Parameters!;
        units = [.. batch.Document.Centers!.SelectMany(c => c.Resources!.Select(r => (c, r)))];
        weight = parameters.PriorityWeight!.ToDictionary(kv => kv.Key, kv => kv.Value);
        coverage = CoverageBefore();
        Options = [.. batch.Incidents.Select(pair => OptionsFor(pair.Incident))];
    }

    /// <summary>Every option of each incident, in batch order.</summary>
    public IReadOnlyList<IReadOnlyList<ScratchOption>> Options { get; }

    /// <summary>onHand - reserved of a part line.</summary>
    public int Available(string centerId, string sku)
    {
        var center = batch.Document.Centers!.Single(c => c.Id == centerId);
        return center.Stock!.TryGetValue(sku, out var level) ? (int)(level.OnHand!.Value - level.Reserved!.Value) : 0;
    }

    /// <summary>The objective of giving each incident the option named by (resource id, mode), or none (null).</summary>
    public double Objective(IReadOnlyList<(string ResourceId, string Mode)?> choice)
    {
        var total = 0.0;
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < choice.Count; i++)
        {
            var priority = batch.Incidents[i].Incident.Priority;
            if (choice[i] is not { } picked)
            {
                total += parameters.UnassignedPenaltyMin![priority];
                continue;
            }

            var option = Options[i].Single(o => o.ResourceId == picked.ResourceId && o.Mode == picked.Mode);
            total += weight[priority] * option.Cost;
            taken.Add(option.ResourceId);
        }

        var lost = coverage.Where(entry => entry.Coverers.Count > 0 && entry.Coverers.IsSubsetOf(taken)).Sum(entry => entry.Weight);
        return total + (parameters.CoverageLambda!.Value * lost);
    }

    /// <summary>The least objective over every feasible choice.</summary>
    public double Optimum()
    {
        var choice = new (string, string)?[batch.Incidents.Count];
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var parts = new Dictionary<(string, string), int>();
        var best = double.PositiveInfinity;
        Search(0);
        return best;

        void Search(int i)
        {
            if (i == choice.Length)
            {
                best = Math.Min(best, Objective(choice));
                return;
            }

            choice[i] = null;
            Search(i + 1);
            foreach (var option in Options[i])
            {
                var line = (option.CenterId, option.Sku ?? string.Empty);
                if (taken.Contains(option.ResourceId) || (option.Sku is not null && parts.GetValueOrDefault(line) >= Available(option.CenterId, option.Sku)))
                {
                    continue;
                }

                taken.Add(option.ResourceId);
                parts[line] = parts.GetValueOrDefault(line) + 1;
                choice[i] = (option.ResourceId, option.Mode);
                Search(i + 1);
                choice[i] = null;
                parts[line]--;
                taken.Remove(option.ResourceId);
            }
        }
    }

    private List<ScratchOption> OptionsFor(Incident incident)
    {
        var result = new List<ScratchOption>();
        var region = RegionOf(incident.Location);
        if (region < 0)
        {
            return result;
        }

        foreach (var (center, resource) in units)
        {
            if (resource.Status != "available" || Barred(resource.Type!, center, incident.Location)
                || Km(center.Location!, incident.Location) > center.ServiceRadiusKm)
            {
                continue;
            }

            foreach (var mode in parameters.Faults![incident.Fault])
            {
                if (!mode.Types!.Contains(resource.Type!)
                    || (incident.Powertrain != "ice" && mode.Mode == "tow" && !parameters.EvTowTypes!.Contains(resource.Type!)))
                {
                    continue;
                }

                var sku = mode.Part;
                if (sku is not null && sku.Contains("{tireSpec}", StringComparison.Ordinal))
                {
                    if (incident.TireSpec is null)
                    {
                        continue;
                    }

                    sku = sku.Replace("{tireSpec}", incident.TireSpec, StringComparison.Ordinal);
                }

                if (sku is not null && Available(center.Id!, sku) < 1)
                {
                    continue;
                }

                var cost = Eta(center, resource, incident.Location) + mode.PenaltyMin!.Value
                    + (RegionOf(center.Location!) != region ? parameters.CrossRegionPenaltyMin!.Value : 0)
                    + (center.Kind == "partner" ? parameters.PartnerPenaltyMin!.Value : 0);
                result.Add(new ScratchOption(resource.Id!, center.Id!, mode.Mode!, sku, cost));
            }
        }

        return result;
    }

    private List<(double Weight, HashSet<string> Coverers)> CoverageBefore()
    {
        var entries = new List<(double, HashSet<string>)>();
        var classes = parameters.ResourceTypes!.Values.Select(t => t.CoverageClass!).Distinct();
        foreach (var cls in classes)
        {
            foreach (var point in batch.Document.DemandPoints!)
            {
                var regionIndex = RegionOf(point.Location!);
                var region = batch.Document.Regions![regionIndex];
                var coverers = units
                    .Where(u => u.Resource.Status == "available" && parameters.ResourceTypes![u.Resource.Type!].CoverageClass == cls)
                    .Where(u => Eta(u.Center, u.Resource, point.Location!) <= region.CoverageStandardMin!.Value)
                    .Where(u => Km(u.Center.Location!, point.Location!) <= u.Center.ServiceRadiusKm)
                    .Where(u => !Barred(u.Resource.Type!, u.Center, point.Location!))
                    .Select(u => u.Resource.Id!)
                    .ToHashSet(StringComparer.Ordinal);
                entries.Add((point.Weight!.Value * region.CoverageWeight!.Value, coverers));
            }
        }

        return entries;
    }

    // The random cases only have zone rules without window or scope, so they bar incidents and coverage alike.
    private bool Barred(string type, CenterDocument center, GeoPoint at) =>
        batch.Document.Rules!.Any(rule => rule.Types!.Contains(type)
            && batch.RuleZones[rule.Id!].Contains(at)
            && (rule.Kind == "deny" || center.Kind != "partner"));

    private double Eta(CenterDocument center, ResourceDocument resource, GeoPoint to)
    {
        var region = batch.Document.Regions![RegionOf(to)];
        var type = parameters.ResourceTypes![resource.Type!];
        var from = resource.Position ?? center.Location!;
        return type.MobilizationMin!.Value + (60 * Km(from, to) * region.Circuity!.Value / (type.SpeedKmh!.Value * region.SpeedFactor!.Value));
    }

    private int RegionOf(GeoPoint point)
    {
        for (var r = 0; r < batch.RegionBoxes.Count; r++)
        {
            if (batch.RegionBoxes[r].Contains(point))
            {
                return r;
            }
        }

        return -1;
    }

    private static double Km(GeoPoint a, GeoPoint b)
    {
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var h = Math.Pow(Math.Sin(Rad(b.Lat - a.Lat) / 2), 2)
            + (Math.Cos(Rad(a.Lat)) * Math.Cos(Rad(b.Lat)) * Math.Pow(Math.Sin(Rad(b.Lon - a.Lon) / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
