using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Tests.Properties;

/// <summary>A random network with what the generator needs to draw incidents and changes for it.</summary>
internal sealed record GeneratedNetwork(int Seed, NetworkDocument Document, IReadOnlyList<RandomShape> RegionShapes, IReadOnlyList<RandomShape> ZoneShapes)
{
    public IEnumerable<CenterDocument> Centers => Document.Centers ?? [];

    public IEnumerable<ResourceDocument> Resources => Centers.SelectMany(c => c.Resources ?? []);

    public IEnumerable<string> CoverageClasses =>
        Document.Parameters!.ResourceTypes!.Values.Select(t => t.CoverageClass!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    public IEnumerable<string> DemandPointIds => (Document.DemandPoints ?? []).Select(d => d.Id!);

    /// <summary>Seed and size, enough to find the case again.</summary>
    public override string ToString() =>
        $"seed {Seed}: {Document.Regions!.Count} regions, {Centers.Count()} centers, {Resources.Count()} resources, "
        + $"{Document.DemandPoints!.Count} demand points, {Document.Rules!.Count} rules (RandomNetworks.Generate({Seed}))";
}
