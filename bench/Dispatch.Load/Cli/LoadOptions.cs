using Dispatch.Load.Scheduling;

namespace Dispatch.Load.Cli;

/// <summary>The command line of the load generator (see <see cref="LoadOptionsParser.Usage"/>).</summary>
public sealed record LoadOptions
{
    public Uri? Url { get; init; }
    public string? Key { get; init; }
    public string? KeyFile { get; init; }
    public double Rate { get; init; } = 40;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(25);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);
    public OperationMix Mix { get; init; } = OperationMix.Parse(OperationMix.Default);
    public int Seed { get; init; } = 1;
    public string? JsonPath { get; init; }
    public int MaxInFlight { get; init; } = 256;

    /// <summary>Keep-alive connections, at most one call on each at a time (wrk's <c>-c</c>).</summary>
    public int Connections { get; init; } = 32;

    /// <summary>Measure the generator's own ceiling on the bare endpoint first, at the same settings.</summary>
    public bool Ceiling { get; init; } = true;

    /// <summary>Above this share of the ceiling a figure is generator-bound, not claimed.</summary>
    public double CeilingShare { get; init; } = 0.7;
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public string? IdPrefix { get; init; }
    public double JitterKm { get; init; } = 3;

    /// <summary>Start the silo from this Dispatch.Silo.dll ("" to look for the repository's build output).</summary>
    public string? StartSilo { get; init; }
    public TimeSpan SiloReadyTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public bool Baseline { get; init; }
    /// <summary>The rate that saturates the bare endpoint, for the ceiling.</summary>
    public double BaselineSaturationRate { get; init; } = 100_000;

    /// <summary>Of each bare run (the ceiling and the same-rate baseline); default the measured window, at most 10 s.</summary>
    public TimeSpan? BaselineDuration { get; init; }

    /// <summary>A bare endpoint already served (<c>--serve-bare</c>) instead of one this run starts.</summary>
    public Uri? BareUrl { get; init; }

    /// <summary>The SQLite file for the raw-storage measurement; "auto" picks the started silo's file.</summary>
    public string? RawStorage { get; init; }
    public TimeSpan RawStorageDuration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Pause after the last answer before the audit reads, for writes the silo finishes after answering.</summary>
    public TimeSpan Quiesce { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Only serve the bare endpoint on this loopback port (0: any) until stopped, for an outside generator such as wrk.</summary>
    public int? ServeBarePort { get; init; }

    /// <summary>Only write this many recommendation bodies drawn from the target's network to this file, one JSON a line.</summary>
    public string? WriteBodies { get; init; }
    public int BodiesCount { get; init; } = 64;

    public bool DrivesEngine => Url is not null || StartSilo is not null;
}
