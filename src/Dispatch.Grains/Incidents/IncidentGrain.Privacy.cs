using Dispatch.Grains.Auditing;
using Dispatch.Grains.Privacy;

namespace Dispatch.Grains.Incidents;

/// <summary>The case's customer data over time: who did each step (<see cref="TimelineEntry.By"/>), erasure on request
/// and by retention.</summary>
public sealed partial class IncidentGrain
{
    /// <summary>The timeline entry an erasure adds; its detail is the reason (<c>request</c> or <c>retention</c>).</summary>
    public const string CustomerErasedEvent = "customerErased";

    public async Task<CaseResult> EraseCustomerDataAsync(ErasureReason reason)
    {
        var s = state.State;
        if (!s.Exists)
        {
            return new CaseResult(CaseOutcome.NotFound, null, $"incident '{Id}' does not exist");
        }

        // Retention erases closed cases only: an index entry left by a close whose write failed is no reason to erase.
        if (s.CustomerErasedAt is not null || (reason == ErasureReason.Retention && !s.StatusKind.IsTerminal()))
        {
            return new CaseResult(CaseOutcome.Ok, View(), null);
        }

        var now = time.GetUtcNow();
        await UpdateAsync(s =>
        {
            s.Request = CustomerData.Strip(s.Request!);
            s.SealedCustomerData = null;
            s.FingerprintHash = null;
            s.Fingerprint = null;
            s.CustomerErasedAt = now;
            s.Timeline.Add(new TimelineEntry(CustomerErasedEvent, now, Detail: reason == ErasureReason.Request ? "request" : "retention"));
        });
        customerData = null;
        return new CaseResult(CaseOutcome.Ok, View(), null);
    }

    /// <summary>Puts the case in the index the retention sweep reads, under the day it closes, when it has anything
    /// to erase.</summary>
    private Task ScheduleErasureAsync()
    {
        if (customerData is not { } data || (data.Customer is null && data.Vin is null && data.Notes is null))
        {
            return Task.CompletedTask;
        }

        var closedAt = time.GetUtcNow();
        return ClosedCases.Of(GrainFactory, Id, closedAt).AddAsync(Id, closedAt);
    }

    /// <summary>Once erased, a repeated create cannot be told from a different one (the fingerprint key went with
    /// the data), so it is refused rather than taken for the same request.</summary>
    private CaseResult ErasedConflict() =>
        new(CaseOutcome.Conflict, View(), $"incident '{Id}' exists and its customer data was erased: a repeated create cannot be matched to it");

    /// <summary>Entries a change added without saying who did it are the caller's (the API key of the request this
    /// turn serves, or <see cref="Caller.System"/>): stamped here, so that every helper adding entries is covered.</summary>
    private static void Attribute(List<TimelineEntry> timeline, int from)
    {
        for (var i = from; i < timeline.Count; i++)
        {
            if (timeline[i].By is null)
            {
                timeline[i] = timeline[i] with { By = Caller.Current };
            }
        }
    }
}
