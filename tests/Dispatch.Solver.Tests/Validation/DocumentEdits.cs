using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Tests.Validation;

/// <summary>One-line edits of an immutable network document, so that each test shows only what it breaks.</summary>
internal static class DocumentEdits
{
    public static NetworkDocument WithParameters(this NetworkDocument d, Func<NetworkParameters, NetworkParameters> edit) =>
        d with { Parameters = edit(d.Parameters!) };

    public static NetworkDocument WithResourceType(this NetworkDocument d, string name, Func<ResourceTypeDocument, ResourceTypeDocument> edit) =>
        d.WithParameters(p => p with { ResourceTypes = p.ResourceTypes!.With(name, edit(p.ResourceTypes![name])) });

    public static NetworkDocument WithFaultMode(this NetworkDocument d, string fault, int index, Func<FaultModeDocument, FaultModeDocument> edit) =>
        d.WithParameters(p => p with { Faults = p.Faults!.With(fault, p.Faults![fault].With(index, edit(p.Faults[fault][index]))) });

    public static NetworkDocument WithRegion(this NetworkDocument d, int index, Func<RegionDocument, RegionDocument> edit) =>
        d with { Regions = d.Regions!.With(index, edit(d.Regions![index])) };

    public static NetworkDocument WithCenter(this NetworkDocument d, int index, Func<CenterDocument, CenterDocument> edit) =>
        d with { Centers = d.Centers!.With(index, edit(d.Centers![index])) };

    public static NetworkDocument WithResource(this NetworkDocument d, int center, int index, Func<ResourceDocument, ResourceDocument> edit) =>
        d.WithCenter(center, c => c with { Resources = c.Resources!.With(index, edit(c.Resources![index])) });

    public static NetworkDocument WithStock(this NetworkDocument d, int center, string sku, StockLevel? level) =>
        d.WithCenter(center, c => c with { Stock = c.Stock!.With(sku, level!) });

    public static NetworkDocument WithDemandPoint(this NetworkDocument d, int index, Func<DemandPointDocument, DemandPointDocument> edit) =>
        d with { DemandPoints = d.DemandPoints!.With(index, edit(d.DemandPoints![index])) };

    public static NetworkDocument WithRule(this NetworkDocument d, int index, Func<RuleDocument, RuleDocument> edit) =>
        d with { Rules = d.Rules!.With(index, edit(d.Rules![index])) };

    public static NetworkDocument WithWindow(this NetworkDocument d, int rule, Func<RuleWindowDocument, RuleWindowDocument> edit) =>
        d.WithRule(rule, r => r with { Window = edit(r.Window!) });

    public static IReadOnlyList<T> With<T>(this IReadOnlyList<T> list, int index, T value)
    {
        var copy = list.ToList();
        copy[index] = value;
        return copy;
    }

    public static IReadOnlyList<T> Append<T>(this IReadOnlyList<T> list, T value) => [.. list, value];

    public static IReadOnlyDictionary<TKey, TValue> With<TKey, TValue>(this IReadOnlyDictionary<TKey, TValue> map, TKey key, TValue value)
        where TKey : notnull
    {
        var copy = map.ToDictionary();
        copy[key] = value;
        return copy;
    }

    public static IReadOnlyDictionary<TKey, TValue> Without<TKey, TValue>(this IReadOnlyDictionary<TKey, TValue> map, TKey key)
        where TKey : notnull
    {
        var copy = map.ToDictionary();
        copy.Remove(key);
        return copy;
    }
}
