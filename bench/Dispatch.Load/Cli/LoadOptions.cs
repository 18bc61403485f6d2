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
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public string? IdPrefix { get; init; }
    public double JitterKm { get; init; } = 3;

    /// <summary>Start the silo from this Dispatch.Silo.dll ("" to look for the repository's build output).</summary>
    public string? StartSilo { get; init; }
    public TimeSpan SiloReadyTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public bool Baseline { get; init; }
    public double BaselineSaturationRate { get; init; } = 20000;
    public TimeSpan? BaselineDuration { get; init; }

    /// <summary>The SQLite file for the raw-storage measurement; "auto" picks the started silo's file.</summary>
    public string? RawStorage { get; init; }
    public TimeSpan RawStorageDuration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Pause after the last answer before the audit reads, for writes the silo finishes after answering.</summary>
    public TimeSpan Quiesce { get; init; } = TimeSpan.FromSeconds(1);

    public bool DrivesEngine => Url is not null || StartSilo is not null;
}
