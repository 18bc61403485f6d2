using Dispatch.Solver.Documents;
using Dispatch.Solver.Network;

namespace Dispatch.Solver.Simulation;

/// <summary>The weighted tables generated calls are drawn from, with defaults where the request gives none.</summary>
internal sealed class DemandMix
{
    /// <summary>Default fault shares: tyres and batteries dominate roadside calls; others by name, 0.05 if unknown.</summary>
    public static readonly IReadOnlyDictionary<string, double> DefaultFaults = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["flat_tire"] = 0.28, ["battery"] = 0.22, ["breakdown"] = 0.15, ["stuck"] = 0.10,
        ["accident"] = 0.10, ["out_of_charge"] = 0.08, ["lockout"] = 0.07,
    };

    public static readonly IReadOnlyDictionary<string, double> DefaultPowertrains = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["ice"] = 0.55, ["bev"] = 0.25, ["phev"] = 0.12, ["erev"] = 0.08,
    };

    public static readonly IReadOnlyDictionary<string, double> DefaultPriorities = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["p1"] = 0.10, ["p2"] = 0.50, ["p3"] = 0.40,
    };

    public const double DefaultExpresswayShare = 0.15;

    private DemandMix(WeightedTable faults, WeightedTable powertrains, WeightedTable priorities, WeightedTable? tireSpecs, double expresswayShare)
    {
        Faults = faults;
        Powertrains = powertrains;
        Priorities = priorities;
        TireSpecs = tireSpecs;
        ExpresswayShare = expresswayShare;
    }

    public WeightedTable Faults { get; }
    public WeightedTable Powertrains { get; }
    public WeightedTable Priorities { get; }

    /// <summary>Null when the network stocks no tyres and none are given: calls then carry no tyre spec.</summary>
    public WeightedTable? TireSpecs { get; }

    public double ExpresswayShare { get; }

    public static DemandMix Create(CompiledNetwork network, DemandMixDocument? mix)
    {
        var faults = mix?.Faults ?? network.Faults.Keys.Order(StringComparer.Ordinal)
            .ToDictionary(f => f, f => DefaultFaults.GetValueOrDefault(f, 0.05), StringComparer.Ordinal);
        return new DemandMix(
            WeightedTable.Of(faults),
            WeightedTable.Of(mix?.Powertrains ?? DefaultPowertrains),
            WeightedTable.Of(mix?.Priorities ?? DefaultPriorities),
            mix?.TireSpecs is { } specs ? WeightedTable.Of(specs) : StockedTireSpecs(network),
            mix?.ExpresswayShare ?? DefaultExpresswayShare);
    }

    // Tyre sizes as the network stocks them: each SKU that fits a tyre template, weighted by units on hand.
    private static WeightedTable? StockedTireSpecs(CompiledNetwork network)
    {
        var templates = network.Faults.Values.SelectMany(m => m).Where(m => m.NeedsTireSpec).Select(m => m.PartTemplate!).Distinct().ToList();
        var specs = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var template in templates)
        {
            var cut = template.IndexOf(FaultModeSpec.TireSpecPlaceholder, StringComparison.Ordinal);
            var prefix = template[..cut];
            var suffix = template[(cut + FaultModeSpec.TireSpecPlaceholder.Length)..];
            foreach (var center in network.Centers)
            {
                foreach (var (sku, cell) in center.Stock)
                {
                    if (sku.Length > prefix.Length + suffix.Length && sku.StartsWith(prefix, StringComparison.Ordinal) && sku.EndsWith(suffix, StringComparison.Ordinal))
                    {
                        var spec = sku[prefix.Length..^suffix.Length];
                        specs[spec] = specs.GetValueOrDefault(spec) + Math.Max(cell.OnHand, 1);
                    }
                }
            }
        }

        return specs.Count == 0 ? null : WeightedTable.Of(specs);
    }
}

/// <summary>Names with weights, drawn by a cumulative table; keys kept in a fixed (ordinal) order so that the same
/// seed picks the same names however the table was written.</summary>
internal sealed class WeightedTable
{
    private readonly string[] names;
    private readonly double[] cumulative;

    private WeightedTable(string[] names, double[] cumulative)
    {
        this.names = names;
        this.cumulative = cumulative;
    }

    public static WeightedTable Of(IEnumerable<KeyValuePair<string, double>> weights)
    {
        var kept = weights.Where(kv => kv.Value > 0).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToArray();
        var cumulative = new double[kept.Length];
        var sum = 0.0;
        for (var i = 0; i < kept.Length; i++)
        {
            sum += kept[i].Value;
            cumulative[i] = sum;
        }

        return new WeightedTable([.. kept.Select(kv => kv.Key)], cumulative);
    }

    public string Draw(SeededRandom random) => names[random.NextIndex(cumulative)];
}
