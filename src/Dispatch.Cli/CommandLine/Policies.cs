namespace Dispatch.Cli.CommandLine;

/// <summary>The ranking policies of docs/dispatch-semantics.md "Policies": <c>coverage</c> (the score) and
/// <c>closest</c> (ETA alone).</summary>
public static class Policies
{
    public const string Coverage = "coverage";
    public const string Closest = "closest";

    public static string[] All { get; } = [Coverage, Closest];
}
