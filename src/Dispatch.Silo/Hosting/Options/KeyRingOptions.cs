namespace Dispatch.Silo.Hosting;

/// <summary>Where the Data Protection key ring lives (section <c>Dispatch:DataProtection</c>).</summary>
public sealed class KeyRingOptions
{
    public const string Section = "Dispatch:DataProtection";

    /// <summary>The key ring's directory; <c>keys</c> in the data directory when empty.</summary>
    public string? KeysDir { get; set; }
}
