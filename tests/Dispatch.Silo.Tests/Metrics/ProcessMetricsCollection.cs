namespace Dispatch.Silo.Tests.Metrics;

/// <summary>Tests that compare values scraped from <c>/metrics</c>: alone in a collection that runs after the parallel
/// ones.</summary>
/// <remarks>Every silo of the test process names its meter "Dispatch", and each silo's metrics pipeline collects every
/// instrument of that name in the process. A counter then sums the silos' counts, and a silo stopping meanwhile can
/// take counts out of a scrape; a gauge shows the value of whichever silo's callback ran last. With other silos alive
/// these tests were flaky. A process in service hosts one silo, so this is the tests' arrangement, not the
/// product's.</remarks>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMetricsCollection
{
    public const string Name = "process-wide metrics, not in parallel";
}
