using Dispatch.Solver.Documents;
using Dispatch.Solver.Geography;
using Dispatch.Solver.Rules;

namespace Dispatch.Solver.Validation;

/// <summary>Checks <c>rules</c>: kind, types, zone and scope, time window.</summary>
internal static class RulesValidator
{
    private const string Path = "rules";
    private const int MaxDescriptionLength = 4000;

    public static void Validate(ValidationErrorSink errors, IReadOnlyList<RuleDocument>? rules, ResourceTypeReferences types, ParameterFacts parameters)
    {
        var ids = new IdRegistry("rule id");
        var list = rules ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            var path = JsonPathText.Index(Path, i);
            var rule = list[i];
            if (!errors.Require(path, rule))
            {
                continue;
            }

            ids.Register(errors, JsonPathText.Member(path, "id"), rule!.Id);
            CheckKind(errors, JsonPathText.Member(path, "kind"), rule.Kind);
            types.CheckList(errors, JsonPathText.Member(path, "types"), rule.Types, requireNonEmpty: true);
            CheckWhere(errors, path, rule);
            if (rule.Window is not null)
            {
                CheckWindow(errors, JsonPathText.Member(path, "window"), rule.Window, parameters);
            }

            errors.OptionalText(JsonPathText.Member(path, "description"), rule.Description, MaxDescriptionLength, allowLineBreaks: true);
        }
    }

    private static void CheckKind(ValidationErrorSink errors, string path, string? kind)
    {
        if (errors.Require(path, kind) && kind is not (DocumentVocabulary.RuleDeny or DocumentVocabulary.RulePartnerOnly))
        {
            errors.Add(path, $"must be '{DocumentVocabulary.RuleDeny}' or '{DocumentVocabulary.RulePartnerOnly}' (was {ValidationErrorSink.Quote(kind)})");
        }
    }

    private static void CheckWhere(ValidationErrorSink errors, string path, RuleDocument rule)
    {
        if (rule.Zone is null && rule.Scope is null)
        {
            errors.Add(path, "a rule needs a zone, a scope, or both");
            return;
        }

        if (rule.Zone is not null && !GeoJsonGeometry.TryParsePolygonal(rule.Zone, out _, out var zoneError))
        {
            errors.Add(JsonPathText.Member(path, "zone"), zoneError!);
        }

        if (rule.Scope is not null && rule.Scope != DocumentVocabulary.ScopeExpressway)
        {
            errors.Add(JsonPathText.Member(path, "scope"), $"must be '{DocumentVocabulary.ScopeExpressway}' (was {ValidationErrorSink.Quote(rule.Scope)})");
        }
    }

    private static void CheckWindow(ValidationErrorSink errors, string path, RuleWindowDocument window, ParameterFacts parameters)
    {
        var startOk = CheckClock(errors, JsonPathText.Member(path, "start"), window.Start, out var start);
        var endOk = CheckClock(errors, JsonPathText.Member(path, "end"), window.End, out var end);
        if (startOk && endOk && start == end)
        {
            errors.Add(JsonPathText.Member(path, "end"), $"must differ from start ({window.Start}); an empty or whole-day span is ambiguous");
        }

        // Absent or empty days mean every day.
        var days = window.Days ?? [];
        for (var i = 0; i < days.Count; i++)
        {
            if (days[i] is < 1 or > 7)
            {
                errors.Add(JsonPathText.Index(JsonPathText.Member(path, "days"), i), $"must be an ISO weekday from 1 (Monday) to 7 (Sunday) (was {days[i]})");
            }
        }

        // An absent tz falls back to parameters.timeZone, whose own problems are reported there.
        if (window.Tz is not null)
        {
            ParametersValidator.CheckTimeZone(errors, JsonPathText.Member(path, "tz"), window.Tz);
        }
        else if (!parameters.TimeZoneKnown)
        {
            errors.Add(JsonPathText.Member(path, "tz"), "is required while parameters.timeZone is not a known zone");
        }
    }

    private static bool CheckClock(ValidationErrorSink errors, string path, string? text, out int minuteOfDay)
    {
        minuteOfDay = 0;
        if (!errors.Require(path, text))
        {
            return false;
        }

        if (!TimeWindow.TryParseClock(text, out minuteOfDay))
        {
            errors.Add(path, $"must be a time HH:mm from 00:00 to 23:59 (was {ValidationErrorSink.Quote(text)})");
            return false;
        }

        return true;
    }
}
