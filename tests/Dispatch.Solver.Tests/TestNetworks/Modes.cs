using Dispatch.Solver.Documents;

namespace Dispatch.Solver.Tests.TestNetworks;

/// <summary>Fault modes for catalogs written in tests.</summary>
public static class Modes
{
    public static FaultModeDocument Onsite(string[] types, string? part = null, double penaltyMin = 0) =>
        new() { Mode = "onsite", Types = types, Part = part, ServiceMin = 30, PenaltyMin = penaltyMin };

    public static FaultModeDocument Tow(string[] types, string? part = null, double penaltyMin = 0) =>
        new() { Mode = "tow", Types = types, Part = part, ServiceMin = 60, PenaltyMin = penaltyMin };
}
