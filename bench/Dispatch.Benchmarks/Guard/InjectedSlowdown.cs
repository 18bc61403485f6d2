namespace Dispatch.Benchmarks.Guard;

/// <summary>How many times a guarded benchmark repeats its operation: 1, unless DISPATCH_GUARD_SLOWDOWN asks for more.
/// It exists to show that the guard catches a slowdown (run the guard with DISPATCH_GUARD_SLOWDOWN=3 and it fails).</summary>
public static class InjectedSlowdown
{
    public const string Variable = "DISPATCH_GUARD_SLOWDOWN";

    public static readonly int Repeat =
        int.TryParse(Environment.GetEnvironmentVariable(Variable), out var factor) && factor > 1 ? factor : 1;
}
