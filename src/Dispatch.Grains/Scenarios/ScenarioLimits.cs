using System.ComponentModel.DataAnnotations;

namespace Dispatch.Grains.Scenarios;

/// <summary>How many what-if runs may use CPU at once (configuration section <c>Dispatch:Scenarios</c>). Runs past a
/// limit wait as queued. Zero holds every run queued (e.g. while a cluster is being drained).</summary>
public sealed class ScenarioLimits
{
    public const string Section = "Dispatch:Scenarios";

    /// <summary>Runs at once per API key.</summary>
    [Range(0, int.MaxValue, ErrorMessage = Section + ":MaxRunningPerKey must be 0 or more.")]
    public int MaxRunningPerKey { get; set; } = 1;

    /// <summary>Runs at once in the cluster.</summary>
    [Range(0, int.MaxValue, ErrorMessage = Section + ":MaxRunning must be 0 or more.")]
    public int MaxRunning { get; set; } = 2;
}
