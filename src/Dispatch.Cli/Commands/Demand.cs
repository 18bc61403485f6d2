using System.Globalization;
using Dispatch.Cli.Input;

namespace Dispatch.Cli.Commands;

/// <summary>One line saying what demand a run uses, so a planner reading the output knows what was compared.</summary>
public static class Demand
{
    public static string Describe(RunInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.ReplayFile is not null
            ? $"replay of {Path.GetFileName(input.ReplayFile)}"
            : string.Create(CultureInfo.InvariantCulture, $"{input.Days:G} day{(input.Days == 1 ? "" : "s")} from {input.Start:yyyy-MM-dd HH:mm}Z at {input.RatePerDay:G} calls/day, seed {input.Seed}")
              + (input.SurgesFile is null ? "" : $", surges from {Path.GetFileName(input.SurgesFile)}");
    }
}
