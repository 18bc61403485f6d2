using Dispatch.Solver.Documents;
using Dispatch.Solver.Validation;

namespace Dispatch.Solver.Simulation;

/// <summary>Applies a scenario's changes to a copy of the base network; the copy is then validated like any
/// network document. References are checked here so that an unknown id is reported at its place in
/// <c>changes</c>, not somewhere in the resulting document.</summary>
internal static class ScenarioChangeSet
{
    public const string Path = "changes";

    public static NetworkDocument Apply(NetworkDocument baseNetwork, ScenarioChanges? changes, ValidationErrorSink errors)
    {
        if (changes is null)
        {
            return baseNetwork;
        }

        var centers = (baseNetwork.Centers ?? []).ToList();
        var centerIds = centers.Select(c => c.Id!).ToHashSet(StringComparer.Ordinal);
        var resourceIds = centers.SelectMany(c => c.Resources ?? []).Select(r => r.Id!).ToHashSet(StringComparer.Ordinal);

        var closed = CheckIds(errors, $"{Path}.closeCenters", changes.CloseCenters, centerIds, "center");
        var removed = CheckIds(errors, $"{Path}.removeResources", changes.RemoveResources, resourceIds, "resource");
        var ruleIds = (baseNetwork.Rules ?? []).Select(r => r.Id!).ToHashSet(StringComparer.Ordinal);
        var removedRules = CheckIds(errors, $"{Path}.removeRules", changes.RemoveRules, ruleIds, "rule");
        var parameters = MergeParameters(baseNetwork.Parameters, changes.Parameters);
        var added = CheckAddedResources(errors, changes.AddResources, centerIds, closed, resourceIds, removed, parameters);
        var stock = CheckStock(errors, changes.Stock, centerIds, closed);

        var changed = new List<CenterDocument>(centers.Count);
        foreach (var center in centers)
        {
            if (closed.Contains(center.Id!))
            {
                continue;
            }

            var resources = (center.Resources ?? []).Where(r => !removed.Contains(r.Id!)).ToList();
            resources.AddRange(added.Where(a => a.CenterId == center.Id).Select(a => new ResourceDocument
            {
                Id = a.Id,
                Type = a.Type,
                Status = "available",
                Position = a.Position,
            }));
            var levels = new Dictionary<string, StockLevel>(center.Stock ?? new Dictionary<string, StockLevel>(), StringComparer.Ordinal);
            foreach (var s in stock.Where(s => s.CenterId == center.Id))
            {
                levels[s.Sku!] = new StockLevel { OnHand = s.OnHand, Reserved = 0 };
            }

            changed.Add(center with { Resources = resources, Stock = levels });
        }

        var rules = (baseNetwork.Rules ?? []).Where(r => !removedRules.Contains(r.Id!)).Concat(changes.AddRules ?? []).ToList();
        return baseNetwork with { Parameters = parameters, Centers = changed, Rules = rules };
    }

    /// <summary>Says where an error found in the changed document came from, when that was a change.</summary>
    public static string ChangePath(string documentPath, NetworkDocument baseNetwork, ScenarioChanges? changes)
    {
        if (documentPath.StartsWith("parameters", StringComparison.Ordinal))
        {
            return $"{Path}.{documentPath}";
        }

        var kept = (baseNetwork.Rules ?? []).Count(r => !(changes?.RemoveRules ?? []).Contains(r.Id, StringComparer.Ordinal));
        if (documentPath.StartsWith("rules[", StringComparison.Ordinal)
            && int.TryParse(documentPath.AsSpan(6, documentPath.IndexOf(']', StringComparison.Ordinal) - 6), out var index) && index >= kept)
        {
            return $"{Path}.addRules[{index - kept}]{documentPath[(documentPath.IndexOf(']', StringComparison.Ordinal) + 1)..]}";
        }

        return documentPath;
    }

    private static HashSet<string> CheckIds(ValidationErrorSink errors, string path, IReadOnlyList<string>? ids, HashSet<string> known, string kind)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (ids?.Count ?? 0); i++)
        {
            var id = ids![i];
            if (id is null || !known.Contains(id))
            {
                errors.Add(JsonPathText.Index(path, i), $"unknown {kind} {ValidationErrorSink.Quote(id)}");
            }
            else if (!found.Add(id))
            {
                errors.Add(JsonPathText.Index(path, i), $"{kind} {ValidationErrorSink.Quote(id)} is listed twice");
            }
        }

        return found;
    }

    private static List<AddedResourceDocument> CheckAddedResources(
        ValidationErrorSink errors, IReadOnlyList<AddedResourceDocument>? added, HashSet<string> centerIds, HashSet<string> closed,
        HashSet<string> resourceIds, HashSet<string> removed, NetworkParameters? parameters)
    {
        var ok = new List<AddedResourceDocument>();
        var newIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (added?.Count ?? 0); i++)
        {
            var path = JsonPathText.Index($"{Path}.addResources", i);
            var r = added![i];
            if (r is null)
            {
                errors.Add(path, "is required");
                continue;
            }

            var valid = true;
            if (errors.RequireText($"{path}.centerId", r.CenterId, IncidentValidator.MaxIdLength))
            {
                if (!centerIds.Contains(r.CenterId!))
                {
                    errors.Add($"{path}.centerId", $"unknown center {ValidationErrorSink.Quote(r.CenterId)}");
                    valid = false;
                }
                else if (closed.Contains(r.CenterId!))
                {
                    errors.Add($"{path}.centerId", $"center {ValidationErrorSink.Quote(r.CenterId)} is closed by this scenario");
                    valid = false;
                }
            }
            else
            {
                valid = false;
            }

            if (errors.RequireText($"{path}.id", r.Id, IncidentValidator.MaxIdLength))
            {
                if ((resourceIds.Contains(r.Id!) && !removed.Contains(r.Id!)) || !newIds.Add(r.Id!))
                {
                    errors.Add($"{path}.id", $"resource id {ValidationErrorSink.Quote(r.Id)} is already taken");
                    valid = false;
                }
            }
            else
            {
                valid = false;
            }

            if (errors.RequireText($"{path}.type", r.Type, 64) && parameters?.ResourceTypes?.ContainsKey(r.Type!) != true)
            {
                errors.Add($"{path}.type", $"unknown resource type {ValidationErrorSink.Quote(r.Type)}");
                valid = false;
            }

            if (r.Position is not null && !errors.CheckPoint($"{path}.position", r.Position))
            {
                valid = false;
            }

            if (valid)
            {
                ok.Add(r);
            }
        }

        return ok;
    }

    private static List<StockSettingDocument> CheckStock(ValidationErrorSink errors, IReadOnlyList<StockSettingDocument>? stock, HashSet<string> centerIds, HashSet<string> closed)
    {
        var ok = new List<StockSettingDocument>();
        for (var i = 0; i < (stock?.Count ?? 0); i++)
        {
            var path = JsonPathText.Index($"{Path}.stock", i);
            var s = stock![i];
            if (s is null)
            {
                errors.Add(path, "is required");
                continue;
            }

            var valid = errors.RequireText($"{path}.centerId", s.CenterId, IncidentValidator.MaxIdLength);
            if (valid && (!centerIds.Contains(s.CenterId!) || closed.Contains(s.CenterId!)))
            {
                errors.Add($"{path}.centerId", closed.Contains(s.CenterId!)
                    ? $"center {ValidationErrorSink.Quote(s.CenterId)} is closed by this scenario"
                    : $"unknown center {ValidationErrorSink.Quote(s.CenterId)}");
                valid = false;
            }

            valid &= errors.RequireText($"{path}.sku", s.Sku, 128);
            if (s.OnHand is null)
            {
                errors.Add($"{path}.onHand", "is required");
                valid = false;
            }
            else
            {
                valid &= errors.CheckCount($"{path}.onHand", s.OnHand, out _);
            }

            if (valid)
            {
                ok.Add(s);
            }
        }

        return ok;
    }

    /// <summary>Fields of the override replace the base's; a map overrides key by key.</summary>
    private static NetworkParameters? MergeParameters(NetworkParameters? baseParameters, NetworkParameters? overrides)
    {
        if (overrides is null || baseParameters is null)
        {
            return baseParameters ?? overrides;
        }

        return baseParameters with
        {
            TimeZone = overrides.TimeZone ?? baseParameters.TimeZone,
            ResourceTypes = Merge(baseParameters.ResourceTypes, overrides.ResourceTypes),
            EvTowTypes = overrides.EvTowTypes ?? baseParameters.EvTowTypes,
            Faults = Merge(baseParameters.Faults, overrides.Faults),
            CrossRegionPenaltyMin = overrides.CrossRegionPenaltyMin ?? baseParameters.CrossRegionPenaltyMin,
            PartnerPenaltyMin = overrides.PartnerPenaltyMin ?? baseParameters.PartnerPenaltyMin,
            CoverageLambda = overrides.CoverageLambda ?? baseParameters.CoverageLambda,
            PriorityCoverageFactor = Merge(baseParameters.PriorityCoverageFactor, overrides.PriorityCoverageFactor),
            PriorityWeight = Merge(baseParameters.PriorityWeight, overrides.PriorityWeight),
            UnassignedPenaltyMin = Merge(baseParameters.UnassignedPenaltyMin, overrides.UnassignedPenaltyMin),
        };
    }

    private static IReadOnlyDictionary<string, T>? Merge<T>(IReadOnlyDictionary<string, T>? first, IReadOnlyDictionary<string, T>? second)
    {
        if (second is null || first is null)
        {
            return first ?? second;
        }

        var merged = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (key, value) in first)
        {
            merged[key] = value;
        }

        foreach (var (key, value) in second)
        {
            merged[key] = value;
        }

        return merged;
    }
}
