using System.Collections.Immutable;

namespace Dispatch.Grains.Scenarios;

/// <summary>The life of a what-if run (docs/api.md "Scenarios"): queued until the registry grants it a slot, then
/// running, then one of the three final statuses.</summary>
public static class ScenarioStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static readonly ImmutableArray<string> All = [Queued, Running, Completed, Failed, Cancelled];

    public static bool IsTerminal(string status) => status is Completed or Failed or Cancelled;
}
