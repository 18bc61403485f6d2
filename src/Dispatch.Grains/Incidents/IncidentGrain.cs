using System.Collections.Immutable;
using Dispatch.Grains.Centers;
using Dispatch.Grains.Dispatching;
using Dispatch.Solver.Dispatching;
using Dispatch.Solver.Documents;
using Microsoft.AspNetCore.DataProtection;

namespace Dispatch.Grains.Incidents;

/// <summary>One incident's case. Customer data lives in plain text only in <see cref="customerData"/>, in memory
/// while the grain is active; the stored state holds it sealed (<see cref="IncidentCaseState"/>).</summary>
public sealed partial class IncidentGrain(
    [PersistentState("incident", GrainStorage.Name)] IPersistentState<IncidentCaseState> state,
    TimeProvider time,
    IDataProtectionProvider dataProtection) : Grain, IIncidentGrain
{
    private readonly CustomerDataProtector protector = new(dataProtection);

    /// <summary>The case's customer data in plain text, unsealed on activation (or read from a version 1 state).</summary>
    private CustomerData? customerData;

    /// <summary>The network whose dispatcher serves incidents.</summary>
    public const string Network = "default";

    private string Id => this.GetPrimaryKeyString();

    private IDispatcherGrain Dispatcher => GrainFactory.GetGrain<IDispatcherGrain>(Network);

    private IIncidentRegistryGrain Registry => IncidentRegistry.ShardOf(GrainFactory, Network, Id);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var s = state.State;
        if (s.SealedCustomerData is { } sealedData)
        {
            // Throws when the key ring that sealed it is gone: the case cannot be served without it.
            customerData = protector.Unseal(sealedData);
        }
        else if (s.Request is { } plain && !s.IsSealed)
        {
            // Version 1: stored in plain text; sealed on the next write.
            customerData = CustomerData.Of(plain);
        }

        ResumeNotificationDelivery();
        ActivateSla();
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<CaseResult> CreateAsync(IncidentRequest request, Incident incident, bool autoDispatch)
    {
        // A retry repeats the request as sent, defaults unfilled, so the fingerprint is taken before defaults apply.
        var fingerprint = DocumentJson.Write(request with { Id = Id, AutoDispatch = null });
        if (state.State.Exists)
        {
            if (state.State.CustomerErasedAt is not null)
            {
                return ErasedConflict();
            }

            if (!IsSameRequest(fingerprint))
            {
                return new CaseResult(CaseOutcome.Conflict, View(), $"incident '{Id}' exists with a different request");
            }

            // A retry may follow a first attempt that stored the case but failed to list it: list it again.
            await Registry.TrackAsync(Id, state.State.StatusKind ?? CaseStatusKind.Open);
            return autoDispatch && state.State.StatusKind == CaseStatusKind.Open ? await AutoDispatchAgainAsync() : new CaseResult(CaseOutcome.Ok, View(), null);
        }

        var data = CustomerData.Of(request) with { FingerprintKey = CustomerDataProtector.NewFingerprintKey() };
        var sealedData = protector.Seal(data);
        var fingerprintHash = CustomerDataProtector.Fingerprint(data.FingerprintKey!, fingerprint);
        var createdAt = time.GetUtcNow();

        // The listing is a hint that listings check against the case itself (a listed id with no case is skipped),
        // so it may be written before the case, beside the dispatch, rather than after it.
        var listing = Registry.TrackAsync(Id, CaseStatusKind.Open);
        DispatchDecision? decision = null;
        try
        {
            // The hold comes before the case's one write, which records it: a crash between them leaves a hold with
            // no case, which the client's retry (same id) adopts, since the dispatcher answers with the hold it has.
            decision = autoDispatch ? await Dispatcher.DispatchOrQueueAsync(Id, incident) : null;
        }
        finally
        {
            // Even when the dispatch failed, the case is stored open, as when it was written before dispatching.
            // The case and its listing are written side by side (with group commit, in one commit).
            var write = UpdateAsync(s =>
            {
                s.Request = CustomerData.Strip(request with { Id = Id, ReportedAt = incident.ReportedAt, OnExpressway = incident.OnExpressway, AutoDispatch = null });
                s.Incident = incident;
                s.SealedCustomerData = sealedData;
                s.FingerprintHash = fingerprintHash;
                s.Fingerprint = null;
                s.Status = CaseStatus.Open;
                s.Timeline.Add(new TimelineEntry("created", createdAt));
                if (decision is { Status: DispatchStatus.Dispatched, Reservation: { } reservation })
                {
                    Assign(s, reservation);
                    Notify(s, Notifications.NotificationKinds.Dispatched);
                }
                else if (decision is { Queued: true })
                {
                    Wait(s, decision, createdAt);
                }
            }, data);
            await Task.WhenAll(listing, write);
        }

        if (decision is null)
        {
            return new CaseResult(CaseOutcome.Created, View(), null);
        }

        var dispatched = Answer(decision);
        return dispatched with { Outcome = dispatched.Outcome == CaseOutcome.Ok ? CaseOutcome.Created : dispatched.Outcome };
    }

    public Task<CaseView?> GetAsync() => Task.FromResult(state.State.Exists ? View() : null);

    public async Task<CaseResult> DispatchAsync(string? resourceId, string? mode)
    {
        if (!state.State.Exists)
        {
            return new CaseResult(CaseOutcome.NotFound, null, $"incident '{Id}' does not exist");
        }

        if (state.State.Assignment is { } assigned)
        {
            var same = (resourceId is null || resourceId == assigned.ResourceId) && (mode is null || mode == assigned.Mode);
            return same && !state.State.StatusKind.IsTerminal()
                ? new CaseResult(CaseOutcome.Ok, View(), null)
                : new CaseResult(CaseOutcome.Conflict, View(), $"incident '{Id}' is {state.State.Status} with resource '{assigned.ResourceId}'");
        }

        if (state.State.StatusKind != CaseStatusKind.Open)
        {
            return new CaseResult(CaseOutcome.Conflict, View(), $"incident '{Id}' is {state.State.Status} and cannot be dispatched");
        }

        var decision = await Dispatcher.DispatchAsync(Id, state.State.Incident!, resourceId, mode);
        if (decision is { Status: DispatchStatus.Dispatched, Reservation: { } reservation })
        {
            await RecordAsync(reservation);
        }

        return Answer(decision);
    }

    /// <summary>The answer to a dispatch decision, once the case records what it has to.</summary>
    private CaseResult Answer(DispatchDecision decision) => decision.Status switch
    {
        DispatchStatus.Dispatched => new CaseResult(CaseOutcome.Ok, View(), null),
        DispatchStatus.Conflict => new CaseResult(CaseOutcome.Conflict, View(), decision.Detail, decision.Recommendation),
        DispatchStatus.Unassignable => new CaseResult(CaseOutcome.Unassignable, View(), decision.Detail, decision.Recommendation),
        DispatchStatus.OutsideServedArea => new CaseResult(CaseOutcome.OutsideServedArea, View(), decision.Detail),
        DispatchStatus.UnknownResource => new CaseResult(CaseOutcome.NotFound, View(), decision.Detail),
        DispatchStatus.NotPossible => new CaseResult(CaseOutcome.Invalid, View(), decision.Detail),
        _ => new CaseResult(CaseOutcome.Unassignable, View(), decision.Detail),
    };

    public async Task<CaseResult> RecordDispatchAsync(Reservation reservation)
    {
        if (!state.State.Exists)
        {
            return new CaseResult(CaseOutcome.NotFound, null, $"incident '{Id}' does not exist");
        }

        if (state.State.Assignment is { } assigned)
        {
            return assigned.ResourceId == reservation.ResourceId
                ? new CaseResult(CaseOutcome.Ok, View(), null)
                : new CaseResult(CaseOutcome.Conflict, View(), $"incident '{Id}' already has resource '{assigned.ResourceId}'");
        }

        return state.State.StatusKind == CaseStatusKind.Open
            ? await RecordAsync(reservation)
            : new CaseResult(CaseOutcome.Conflict, View(), $"incident '{Id}' is {state.State.Status}");
    }

    public async Task<CaseResult> AddEventAsync(CaseStatusKind type, DateTimeOffset? at, GeoPoint? position)
    {
        if (!state.State.Exists)
        {
            return new CaseResult(CaseOutcome.NotFound, null, $"incident '{Id}' does not exist");
        }

        var typeName = type.ToName();
        var recorded = state.State.Assignment is { } a ? new RecordedAssignment(a.CenterId, a.ResourceId, a.Part) : null;
        if (!CaseTransitions.IsAllowed(state.State.StatusKind, type, state.State.Assignment?.ModeKind))
        {
            return new CaseResult(CaseOutcome.Conflict, View(), $"'{typeName}' cannot follow '{state.State.Status}'");
        }

        var when = at ?? time.GetUtcNow();
        if (type.IsTerminal())
        {
            // Before the case closes, so that a closed case is never missing from the retention sweep's index.
            await ScheduleErasureAsync();
        }

        // The case closes first, and only then is its unit freed: were it the other way round, a failed write of the
        // case would leave it claiming a unit that another case may take meanwhile. A hold left behind a closed case
        // (its end failed) is ended by the reconciler, which ends the holds of closed cases.
        await UpdateAsync(s =>
        {
            s.Status = typeName;
            s.Timeline.Add(new TimelineEntry(typeName, when, position, state.State.Assignment?.ResourceId));
            NotifyOnEvent(s, type);
        });
        if (type.IsTerminal())
        {
            await Registry.TrackAsync(Id, type);
            await EndHoldAsync(type, position, recorded);
        }

        return new CaseResult(CaseOutcome.Ok, View(), null);
    }

    /// <summary>Ends the case's hold at the dispatcher: committed where the job ended, or released. The recorded
    /// assignment names the center to end it at, even if the dispatcher has lost it.</summary>
    private Task<Reservation?> EndHoldAsync(CaseStatusKind type, GeoPoint? position, RecordedAssignment? recorded) =>
        type == CaseStatusKind.Completed
            ? Dispatcher.CompleteAsync(Id, position ?? state.State.Incident!.Location, recorded)

            // Even with no assignment recorded: a hold may exist whose answer was lost. Releasing nothing is a no-op.
            : Dispatcher.ReleaseAsync(Id, recorded);

    private async Task<CaseResult> RecordAsync(Reservation reservation)
    {
        await UpdateAsync(s => { Assign(s, reservation); Notify(s, Notifications.NotificationKinds.Dispatched); });
        return new CaseResult(CaseOutcome.Ok, View(), null);
    }

    /// <param name="detail">The dispatched entry's detail: the mode, or <see cref="QueueTimeline.FromQueue"/>.</param>
    private static void Assign(IncidentCaseState s, Reservation reservation, string? detail = null)
    {
        s.Status = CaseStatus.Dispatched;
        s.Waiting = false;
        s.Assignment = new AssignmentView(reservation.ResourceId, reservation.CenterId, reservation.Mode, reservation.Sku, reservation.EtaMin, reservation.ReservedAt);
        s.Timeline.Add(new TimelineEntry(CaseStatus.Dispatched, reservation.ReservedAt, null, reservation.ResourceId, detail ?? reservation.Mode));
    }

    /// <summary>Whether a request with this fingerprint is the one that opened the case.</summary>
    private bool IsSameRequest(string fingerprint)
    {
        var s = state.State;
        if (s.IsSealed)
        {
            return s.FingerprintHash is { } hash && customerData?.FingerprintKey is { } key
                && CustomerDataProtector.SameFingerprint(key, hash, fingerprint);
        }

        return s.Fingerprint == fingerprint;
    }

    /// <summary>Writes a change; a version 1 state is sealed in the same write. <paramref name="created"/> is the
    /// customer data of a case being opened, which the change seals itself.</summary>
    private async Task UpdateAsync(Action<IncidentCaseState> change, CustomerData? created = null)
    {
        (CustomerData Data, byte[] Sealed, byte[]? FingerprintHash)? resealed = created is null && state.State is { Exists: true, IsSealed: false } legacy ? Reseal(legacy) : null;
        var before = state.State;
        var now = time.GetUtcNow();
        await state.UpdateAsync(s => s.Clone(), s =>
        {
            // Escalation: what fell due before this change is recorded ahead of it, and what the changed case is
            // already due for (a case opened past its deadline) after it, in the same write.
            var known = s.Timeline.Count;
            ApplyDueSla(s, now);
            change(s);
            ApplyDueSla(s, now);
            Attribute(s.Timeline, known);
            if (resealed is { } r)
            {
                s.Request = CustomerData.Strip(s.Request!);
                s.SealedCustomerData = r.Sealed;
                s.FingerprintHash = r.FingerprintHash;
                s.Fingerprint = null;
            }
        }, GrainContext);
        KickNotificationDelivery();

        // Only once storage has it: a failed write keeps (and deactivates with) the data storage has.
        if ((created ?? resealed?.Data) is { } data)
        {
            customerData = data;
        }

        AfterSlaWrite(before);
    }

    private (CustomerData Data, byte[] Sealed, byte[]? FingerprintHash) Reseal(IncidentCaseState legacy)
    {
        var data = CustomerData.Of(legacy.Request!) with { FingerprintKey = CustomerDataProtector.NewFingerprintKey() };
        var hash = legacy.Fingerprint is { } plain ? CustomerDataProtector.Fingerprint(data.FingerprintKey!, plain) : null;
        return (data, protector.Seal(data), hash);
    }

    private CaseView View()
    {
        var s = state.State;
        var request = customerData is { } data ? data.ApplyTo(s.Request!) : s.Request!;
        double? toDispatch = s.Assignment is { } a && request.ReportedAt is { } reported
            ? Math.Max(0, (a.DispatchedAt - reported).TotalSeconds)
            : null;
        return new CaseView(Id, s.Status, request, s.Assignment, [.. s.Timeline], toDispatch, s.EscalationLevel,
            Waiting: s.Waiting && s.StatusKind == CaseStatusKind.Open) { Notifications = NotificationViews() };
    }
}
