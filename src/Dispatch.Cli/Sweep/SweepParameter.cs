using Dispatch.Solver.Documents;

namespace Dispatch.Cli.Sweep;

/// <summary>A network parameter a sweep can vary, set through <c>changes.parameters</c> (an override of the base's
/// parameters; maps override by key, so <c>priorityCoverageFactor.p2</c> leaves p1 and p3 as they are).</summary>
public sealed class SweepParameter
{
    private const string Prefix = "parameters.";

    private static readonly SweepParameter[] All =
    [
        new("parameters.coverageLambda", (p, v) => p with { CoverageLambda = v }),
        new("parameters.crossRegionPenaltyMin", (p, v) => p with { CrossRegionPenaltyMin = v }),
        new("parameters.partnerPenaltyMin", (p, v) => p with { PartnerPenaltyMin = v }),
        PriorityFactor("p1"),
        PriorityFactor("p2"),
        PriorityFactor("p3"),
    ];

    private readonly Func<NetworkParameters, double, NetworkParameters> _apply;

    private SweepParameter(string name, Func<NetworkParameters, double, NetworkParameters> apply)
    {
        Name = name;
        _apply = apply;
    }

    /// <summary>The full path, as in a network document: <c>parameters.coverageLambda</c>.</summary>
    public string Name { get; }

    /// <summary>Without <c>parameters.</c>, for labels.</summary>
    public string ShortName => Name[Prefix.Length..];

    public static IReadOnlyList<string> SupportedNames { get; } = All.Select(p => p.Name).ToList();

    /// <summary>Finds a parameter by its path, with or without the <c>parameters.</c> prefix.</summary>
    public static SweepParameter? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text.StartsWith(Prefix, StringComparison.Ordinal) ? text : Prefix + text;
        return All.FirstOrDefault(p => p.Name == name);
    }

    /// <summary>Sets this parameter to <paramref name="value"/> on top of the overrides already asked for.</summary>
    public NetworkParameters Apply(NetworkParameters? overrides, double value) => _apply(overrides ?? new NetworkParameters(), value);

    public override string ToString() => Name;

    private static SweepParameter PriorityFactor(string priority) =>
        new($"parameters.priorityCoverageFactor.{priority}", (p, v) =>
        {
            var factors = new Dictionary<string, double>(p.PriorityCoverageFactor ?? new Dictionary<string, double>(), StringComparer.Ordinal)
            {
                [priority] = v,
            };
            return p with { PriorityCoverageFactor = factors };
        });
}
