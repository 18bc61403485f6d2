using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using Dispatch.Grains.Incidents;

namespace Dispatch.Silo.Metrics;

/// <summary>
/// <c>dispatch_open_cases{age}</c>: cases not closed, by how long ago they were opened. Sampled from the incident
/// registry's listings every <see cref="SampleEvery"/> (sixteen shard reads, no case read), so a scrape costs nothing.
/// The age is counted from when the case was listed (opened), which for a live call is when it was reported.
/// </summary>
public sealed class OpenCaseAges : BackgroundService
{
    public static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(15);

    /// <summary>The age buckets, each with its label and upper bound (exclusive).</summary>
    public static readonly ImmutableArray<(string Label, TimeSpan Below)> Buckets =
    [
        ("lt_2m", TimeSpan.FromMinutes(2)),
        ("2m_10m", TimeSpan.FromMinutes(10)),
        ("10m_1h", TimeSpan.FromHours(1)),
        ("1h_48h", TimeSpan.FromHours(48)),
        ("gt_48h", TimeSpan.MaxValue),
    ];

    private static readonly ImmutableArray<CaseStatusKind> OpenStatuses = [.. CaseStatus.Kinds.Where(k => !k.IsTerminal())];

    private readonly IGrainFactory grains;
    private readonly TimeProvider time;
    private readonly ILogger<OpenCaseAges> logger;
    private volatile int[] counts = new int[Buckets.Length];

    public OpenCaseAges(IGrainFactory grains, TimeProvider time, IMeterFactory meterFactory, ILogger<OpenCaseAges> logger)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        this.grains = grains;
        this.time = time;
        this.logger = logger;
        meterFactory.Create(DispatchMetrics.MeterName).CreateObservableGauge(
            "dispatch.open_cases", Observe, "{case}", "Cases not closed, by age since they were opened (sampled every 15 s).");
    }

    /// <summary>Which bucket an age falls in.</summary>
    public static int BucketOf(TimeSpan age)
    {
        for (var i = 0; i < Buckets.Length - 1; i++)
        {
            if (age < Buckets[i].Below)
            {
                return i;
            }
        }

        return Buckets.Length - 1;
    }

    private IEnumerable<Measurement<int>> Observe()
    {
        var snapshot = counts;
        for (var i = 0; i < Buckets.Length; i++)
        {
            yield return new Measurement<int>(snapshot[i], new KeyValuePair<string, object?>("age", Buckets[i].Label));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var listed = await IncidentRegistry.ListAsync(grains, IncidentGrain.Network, OpenStatuses);
                var now = time.GetUtcNow();
                var sample = new int[Buckets.Length];
                foreach (var listing in listed.Where(l => !l.StatusKind.IsTerminal()))
                {
                    sample[BucketOf(now - listing.UpdatedAt)]++;
                }

                counts = sample;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The silo may not be up yet, or storage may be away: the gauge keeps its last sample.
                logger.OpenCasesUnsampled(e);
            }

            try
            {
                await Task.Delay(SampleEvery, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
