using System.Globalization;

namespace Dispatch.TestKit.Silos;

/// <summary>How a test silo is configured; the same options restart a silo on the same data.</summary>
public sealed record SiloOptions
{
    public required string DataDir { get; init; }
    public string Provider { get; init; } = "sqlite";
    public string? ConnectionString { get; init; }
    public bool? ApplySchema { get; init; }
    public bool? GroupCommit { get; init; }
    public string ClusterId { get; init; } = "dispatch-test";
    public int SiloPort { get; init; } = FreePort.Next();

    /// <summary><c>Dispatch:SeedNetwork</c>: <see cref="SiloHarness.NoSeed"/>, <see cref="SiloHarness.DemoNetwork"/>,
    /// or a file; null leaves the silo's own default.</summary>
    public string? SeedNetwork { get; init; }

    public IEnumerable<KeyValuePair<string, string?>> ToSettings()
    {
        yield return new("Dispatch:DataDir", DataDir);
        yield return new("Dispatch:Storage:Provider", Provider);
        if (ConnectionString is not null)
        {
            yield return new("Dispatch:Storage:ConnectionString", ConnectionString);
        }

        if (ApplySchema is { } apply)
        {
            yield return new("Dispatch:Storage:ApplySchema", apply ? "true" : "false");
        }

        if (GroupCommit is { } group)
        {
            yield return new("Dispatch:Storage:GroupCommit", group ? "true" : "false");
        }

        if (SeedNetwork is not null)
        {
            yield return new("Dispatch:SeedNetwork", SeedNetwork);
        }

        yield return new("Dispatch:Orleans:ClusterId", ClusterId);
        yield return new("Dispatch:Orleans:ServiceId", ClusterId);
        yield return new("Dispatch:Orleans:SiloPort", SiloPort.ToString(CultureInfo.InvariantCulture));
        yield return new("Dispatch:Orleans:AdvertisedAddress", "127.0.0.1");
        // Keys revoked through one silo reach another's cache at once in tests.
        yield return new("Dispatch:Auth:CacheSeconds", "0");
        // Tests drive one key far past a person's pace (concurrency, surges); the rate-limit tests turn them back on.
        yield return new("Dispatch:RateLimits:Enabled", "false");
    }
}
