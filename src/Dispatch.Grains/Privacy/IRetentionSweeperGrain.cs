namespace Dispatch.Grains.Privacy;

/// <summary>Erases the customer data of cases closed before a cutoff, a bounded number per call. One activation
/// for the cluster, so sweeps started on several silos take turns rather than repeat each other's work.</summary>
public interface IRetentionSweeperGrain : IGrainWithStringKey
{
    /// <summary>Erases up to <paramref name="max"/> cases closed at or before <paramref name="cutoff"/>.</summary>
    Task<SweepResult> SweepAsync(DateTimeOffset cutoff, int max);
}

/// <param name="Erased">Cases whose data this call erased (or found erased already).</param>
/// <param name="More">Whether due cases are left for another call.</param>
[GenerateSerializer, Immutable]
public sealed record SweepResult([property: Id(0)] int Erased, [property: Id(1)] bool More);
