namespace Dispatch.TestKit.Silos;

/// <summary>What a test silo's log capture keeps (<see cref="SiloHarness.Logs"/>); nothing reaches the console.</summary>
public enum SiloLogs
{
    /// <summary>No capture: for tests that look at answers only.</summary>
    None,

    /// <summary>Information and up, and Debug from Dispatch and ASP.NET Core: what the host and the pipeline say.</summary>
    HostAndDispatch,

    /// <summary>Debug and up from everything: more than an operator would see, so a leak cannot hide below the
    /// configured levels.</summary>
    Everything,
}
