using System.Globalization;
using System.Text;

namespace Dispatch.Solver.Tests.Properties;

/// <summary>Runs a property over many seeded random networks and reports every failing seed.</summary>
/// <remarks>Set DISPATCH_PROPERTY_SEED to run one seed alone when reproducing a failure.</remarks>
internal static class PropertyRun
{
    public const int FirstSeed = 1;
    public const int NetworkCount = 1000;
    private const int ReportedFailures = 5;

    public static IEnumerable<int> Seeds()
    {
        var single = Environment.GetEnvironmentVariable("DISPATCH_PROPERTY_SEED");
        return single is null ? Enumerable.Range(FirstSeed, NetworkCount) : [int.Parse(single, CultureInfo.InvariantCulture)];
    }

    /// <summary>Calls <paramref name="check"/> for each seed; it returns a description of what went wrong, or null.</summary>
    public static void ForEachSeed(string property, Func<int, string?> check)
    {
        var failures = new List<string>();
        var failed = 0;
        var runs = 0;
        foreach (var seed in Seeds())
        {
            runs++;
            string? failure;
            try
            {
                failure = check(seed);
            }
            catch (Exception ex)
            {
                failure = $"{ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}";
            }

            if (failure is null)
            {
                continue;
            }

            failed++;
            if (failures.Count < ReportedFailures)
            {
                failures.Add($"--- {RandomNetworks.Generate(seed)}\n{failure}");
            }
        }

        if (failed > 0)
        {
            var report = new StringBuilder($"{property}: {failed} of {runs} seeds failed (DISPATCH_PROPERTY_SEED=<seed> reruns one). First failures:\n");
            failures.ForEach(f => report.AppendLine(f));
            Assert.Fail(report.ToString());
        }
    }
}
