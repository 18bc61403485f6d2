using System.ComponentModel.DataAnnotations;

namespace Dispatch.Grains.Scenarios;

/// <summary>How many what-if runs may use CPU at once, and how much of a silo they may take (configuration section
/// <c>Dispatch:Scenarios</c>). Runs past a limit wait as queued. Zero holds every run queued (e.g. while a cluster
/// is being drained).</summary>
public sealed class ScenarioLimits
{
    public const string Section = "Dispatch:Scenarios";

    /// <summary>Runs at once per API key.</summary>
    [Range(0, int.MaxValue, ErrorMessage = Section + ":MaxRunningPerKey must be 0 or more.")]
    public int MaxRunningPerKey { get; set; } = 1;

    /// <summary>Runs at once in the cluster.</summary>
    [Range(0, int.MaxValue, ErrorMessage = Section + ":MaxRunning must be 0 or more.")]
    public int MaxRunning { get; set; } = 2;

    /// <summary>Dedicated threads per silo that compute runs; 0 means one less than the silo's cores. Never more
    /// than cores − 1 (at least one), so live grain turns and HTTP requests keep a core; a silo's runs past it wait
    /// for a thread.</summary>
    [Range(0, 1024, ErrorMessage = Section + ":ThreadsPerSilo must be between 0 and 1024.")]
    public int ThreadsPerSilo { get; set; }

    /// <summary>Milliseconds a run computes before it pauses (checked between chunks of 512 simulated calls).</summary>
    [Range(1, 60_000, ErrorMessage = Section + ":SliceMilliseconds must be between 1 and 60000.")]
    public int SliceMilliseconds { get; set; } = 20;

    /// <summary>Milliseconds a run sleeps after each slice, leaving its core to the rest of the silo; 0 only yields.</summary>
    [Range(0, 10_000, ErrorMessage = Section + ":PauseMilliseconds must be between 0 and 10000.")]
    public int PauseMilliseconds { get; set; } = 2;

    /// <summary>The thread count <see cref="ThreadsPerSilo"/> gives on a machine of <paramref name="cores"/> cores.</summary>
    public int EffectiveThreads(int cores)
    {
        var ceiling = Math.Max(1, cores - 1);
        return ThreadsPerSilo == 0 ? ceiling : Math.Min(ThreadsPerSilo, ceiling);
    }
}
