using Dispatch.Solver.Documents;

namespace Dispatch.TestKit.Networks;

/// <summary>Access rules for tests; "deny" and "partner_only" as docs/dispatch-semantics.md "Access rules" names
/// them.</summary>
public static class AccessRules
{
    public const string Expressway = "expressway";

    public static RuleDocument Deny(string id, string[] types, GeoJsonValue? zone = null, string? scope = null, RuleWindowDocument? window = null) =>
        new() { Id = id, Kind = "deny", Types = types, Zone = zone, Scope = scope, Window = window, Description = "test rule " + id };

    public static RuleDocument PartnerOnly(string id, string[] types, GeoJsonValue? zone = null, string? scope = null, RuleWindowDocument? window = null) =>
        new() { Id = id, Kind = "partner_only", Types = types, Zone = zone, Scope = scope, Window = window, Description = "test rule " + id };

    public static RuleWindowDocument Window(string start, string end, int[]? days = null, string? tz = null) =>
        new() { Start = start, End = end, Days = days, Tz = tz };
}
