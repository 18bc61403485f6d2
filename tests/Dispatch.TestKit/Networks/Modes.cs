using Dispatch.Solver.Documents;

namespace Dispatch.TestKit.Networks;

/// <summary>Fault modes for catalogs written in tests: 30 minutes on site, an hour for a tow, unless told.</summary>
public static class Modes
{
    public static FaultModeDocument Onsite(string[] types, string? part = null, double penaltyMin = 0, double serviceMin = 30) =>
        new() { Mode = "onsite", Types = types, Part = part, ServiceMin = serviceMin, PenaltyMin = penaltyMin };

    public static FaultModeDocument Tow(string[] types, string? part = null, double penaltyMin = 0, double serviceMin = 60) =>
        new() { Mode = "tow", Types = types, Part = part, ServiceMin = serviceMin, PenaltyMin = penaltyMin };
}
