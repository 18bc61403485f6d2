using Dispatch.Solver.Documents;
using Dispatch.Solver.Rules;

namespace Dispatch.Solver.Validation;

/// <summary>Checks <c>parameters</c>: time zone, resource types, fault catalog, penalties and priority tables.</summary>
internal static class ParametersValidator
{
    private const string Path = "parameters";
    private const int MaxFaultNameLength = 64;
    private const int MaxCoverageClassLength = 64;

    public static ParameterFacts Validate(ValidationErrorSink errors, NetworkParameters? parameters)
    {
        if (!errors.Require(Path, parameters))
        {
            return new ParameterFacts(null, TimeZoneKnown: false);
        }

        var timeZoneKnown = CheckTimeZone(errors, JsonPathText.Member(Path, "timeZone"), parameters!.TimeZone);
        var known = CheckResourceTypes(errors, parameters.ResourceTypes);
        var references = new ResourceTypeReferences(known);

        // Absent evTowTypes means the default (flatbed); only a list that is given is checked.
        if (parameters.EvTowTypes is not null)
        {
            references.CheckList(errors, JsonPathText.Member(Path, "evTowTypes"), parameters.EvTowTypes, requireNonEmpty: false);
        }

        CheckFaults(errors, parameters.Faults, references);

        errors.RequireNumber(JsonPathText.Member(Path, "crossRegionPenaltyMin"), parameters.CrossRegionPenaltyMin, LowerBound.NonNegative);
        errors.RequireNumber(JsonPathText.Member(Path, "partnerPenaltyMin"), parameters.PartnerPenaltyMin, LowerBound.NonNegative);
        errors.RequireNumber(JsonPathText.Member(Path, "coverageLambda"), parameters.CoverageLambda, LowerBound.NonNegative);
        CheckPriorityTable(errors, JsonPathText.Member(Path, "priorityCoverageFactor"), parameters.PriorityCoverageFactor);
        CheckPriorityTable(errors, JsonPathText.Member(Path, "priorityWeight"), parameters.PriorityWeight);
        CheckPriorityTable(errors, JsonPathText.Member(Path, "unassignedPenaltyMin"), parameters.UnassignedPenaltyMin);

        return new ParameterFacts(known, timeZoneKnown);
    }

    public static bool CheckTimeZone(ValidationErrorSink errors, string path, string? zoneId)
    {
        if (!errors.RequireText(path, zoneId, maxLength: 64))
        {
            return false;
        }

        if (!TimeWindow.TryFindZone(zoneId, out _))
        {
            errors.Add(path, $"unknown time zone '{zoneId}' (expected an IANA zone id such as Asia/Shanghai)");
            return false;
        }

        return true;
    }

    private static HashSet<string>? CheckResourceTypes(ValidationErrorSink errors, IReadOnlyDictionary<string, ResourceTypeDocument>? types)
    {
        var path = JsonPathText.Member(Path, "resourceTypes");
        if (!errors.Require(path, types))
        {
            return null;
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, type) in types!)
        {
            var typePath = JsonPathText.Key(path, name);
            if (!errors.RequireText(typePath, name, ResourceTypeReferences.MaxNameLength))
            {
                continue;
            }

            known.Add(name);
            if (!errors.Require(typePath, type))
            {
                continue;
            }

            errors.RequireNumber(JsonPathText.Member(typePath, "speedKmh"), type!.SpeedKmh, LowerBound.Positive);
            errors.RequireNumber(JsonPathText.Member(typePath, "mobilizationMin"), type.MobilizationMin, LowerBound.NonNegative);
            errors.RequireText(JsonPathText.Member(typePath, "coverageClass"), type.CoverageClass, MaxCoverageClassLength);
        }

        return known;
    }

    private static void CheckFaults(ValidationErrorSink errors, IReadOnlyDictionary<string, IReadOnlyList<FaultModeDocument>>? faults, ResourceTypeReferences references)
    {
        var path = JsonPathText.Member(Path, "faults");
        if (!errors.Require(path, faults))
        {
            return;
        }

        foreach (var (fault, modes) in faults!)
        {
            var faultPath = JsonPathText.Key(path, fault);
            errors.RequireText(faultPath, fault, MaxFaultNameLength);

            // A fault with no modes is allowed: the engine answers cannot_serve_fault for it
            // (docs/dispatch-semantics.md "Eligibility").
            if (!errors.Require(faultPath, modes))
            {
                continue;
            }

            var firstIndexByMode = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < modes!.Count; i++)
            {
                var modePath = JsonPathText.Index(faultPath, i);
                if (errors.Require(modePath, modes[i]))
                {
                    CheckMode(errors, modePath, modes[i], references, firstIndexByMode, i);
                }
            }
        }
    }

    private static void CheckMode(ValidationErrorSink errors, string path, FaultModeDocument mode, ResourceTypeReferences references, Dictionary<string, int> firstIndexByMode, int index)
    {
        var modePath = JsonPathText.Member(path, "mode");
        if (errors.Require(modePath, mode.Mode))
        {
            if (mode.Mode is not (DocumentVocabulary.ModeOnsite or DocumentVocabulary.ModeTow))
            {
                errors.Add(modePath, $"must be '{DocumentVocabulary.ModeOnsite}' or '{DocumentVocabulary.ModeTow}' (was {ValidationErrorSink.Quote(mode.Mode)})");
            }
            else if (!firstIndexByMode.TryAdd(mode.Mode, index))
            {
                errors.Add(modePath, $"duplicate mode '{mode.Mode}' (a mode is named by its mode value; first at index {firstIndexByMode[mode.Mode]})");
            }
        }

        references.CheckList(errors, JsonPathText.Member(path, "types"), mode.Types, requireNonEmpty: true);

        var partPath = JsonPathText.Member(path, "part");
        if (mode.Part is not null
            && errors.OptionalText(partPath, mode.Part, PartTemplate.MaxLength, allowBlank: false)
            && !PartTemplate.TryCheckPlaceholders(mode.Part, out var partError))
        {
            errors.Add(partPath, partError!);
        }

        errors.RequireNumber(JsonPathText.Member(path, "serviceMin"), mode.ServiceMin, LowerBound.NonNegative);

        // An absent penaltyMin means no penalty for the mode.
        if (mode.PenaltyMin is { } penalty)
        {
            errors.CheckNumber(JsonPathText.Member(path, "penaltyMin"), penalty, LowerBound.NonNegative);
        }
    }

    private static void CheckPriorityTable(ValidationErrorSink errors, string path, IReadOnlyDictionary<string, double>? table)
    {
        if (!errors.Require(path, table))
        {
            return;
        }

        foreach (var (priority, value) in table!)
        {
            var entryPath = JsonPathText.Key(path, priority);
            if (!DocumentVocabulary.Priorities.Contains(priority, StringComparer.Ordinal))
            {
                errors.Add(entryPath, $"unknown priority {ValidationErrorSink.Quote(priority)} (expected p1, p2, p3)");
                continue;
            }

            errors.CheckNumber(entryPath, value, LowerBound.NonNegative);
        }

        foreach (var priority in DocumentVocabulary.Priorities)
        {
            if (!table.ContainsKey(priority))
            {
                errors.Add(path, $"missing priority '{priority}' (p1, p2 and p3 are all required)");
            }
        }
    }
}
