namespace Dispatch.Silo.Hosting;

/// <summary>Where the silo keeps its files and what it loads at first start (section <c>Dispatch</c>).</summary>
public sealed class DataOptions
{
    public const string Section = "Dispatch";

    /// <summary>The data directory; <c>.dispatch-data</c> under the current directory when empty.</summary>
    public string? DataDir { get; set; }

    /// <summary>A network document file to load into an empty store, <c>none</c>, or empty for the bundled demo network.</summary>
    public string? SeedNetwork { get; set; }

    /// <summary>The <see cref="SeedNetwork"/> value that loads nothing.</summary>
    public const string NoSeed = "none";

    /// <summary>The seed file the operator named, or null when the bundled network (or none) is meant.</summary>
    public string? NamedSeedFile => string.IsNullOrWhiteSpace(SeedNetwork) || SeedNetwork == NoSeed ? null : SeedNetwork;
}
