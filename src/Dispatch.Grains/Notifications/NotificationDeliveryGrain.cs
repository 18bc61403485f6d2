using System.Collections.Immutable;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Dispatch.Grains.Notifications;

/// <summary>Delivers one case's outbox (docs/notifications.md). A round reads the pending messages from the case, posts
/// each that is due to every webhook that has not taken it, and writes the outcome back to the case. While anything is
/// pending, a grain timer brings the next round at the earliest retry, and a reminder on this grain brings it back
/// should the silo stop: the outbox itself is durable in the case's state, so at worst a message is sent again, with
/// the same id.</summary>
public sealed class NotificationDeliveryGrain(
    NotificationSettings settings,
    IHttpClientFactory httpClients,
    CenterDirectory directory,
    NotificationMetrics metrics,
    TimeProvider time,
    ILogger<NotificationDeliveryGrain> logger) : Grain, INotificationDeliveryGrain, IRemindable
{
    /// <summary>The named <see cref="HttpClient"/> the posts go through.</summary>
    public const string HttpClientName = "dispatch-notifications";

    private const string ReminderName = "notification-delivery";

    // Reminders fire at one-minute granularity at best; the timer does the sub-minute retries.
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    private IGrainTimer? timer;

    /// <summary>Null: not known in this activation (one may be left from before a restart).</summary>
    private bool? reminderRegistered;

    private IIncidentOutbox Case => GrainFactory.GetGrain<IIncidentOutbox>(this.GetPrimaryKeyString());

    public Task KickAsync() => RoundAsync();

    public Task ReceiveReminder(string reminderName, TickStatus status) => RoundAsync();

    private async Task RoundAsync()
    {
        try
        {
            var batch = await Case.GetPendingNotificationsAsync();
            var now = time.GetUtcNow();
            var attempted = new List<OutboxMessage>();
            if (settings.Enabled)
            {
                foreach (var message in batch.Pending.Where(m => m.NextAttemptAt is not { } next || next <= now))
                {
                    attempted.Add(await DeliverAsync(batch, message));
                }
            }

            if (attempted.Count > 0)
            {
                await Case.AcknowledgeNotificationsAsync([.. attempted]);
            }

            var byId = attempted.ToDictionary(m => m.Id, StringComparer.Ordinal);
            var stillPending = batch.Pending.Select(m => byId.GetValueOrDefault(m.Id, m)).Where(m => m.IsPending).ToList();
            if (stillPending.Count == 0 || !settings.Enabled)
            {
                // Nothing to do, or no webhook to do it with (pending messages wait for one; their case kicks again).
                StopTimer();
                await UnregisterReminderAsync();
                return;
            }

            await RegisterReminderAsync();
            var earliest = stillPending.Min(m => m.NextAttemptAt ?? now);
            Schedule(earliest - time.GetUtcNow());
        }
        catch (Exception e)
        {
            // The case could not be read or written (storage down, the case's silo gone): try again after the longest
            // backoff; the reminder is the backstop should this activation go too.
            logger.RoundFailed(e, settings.MaxRetryDelay.TotalSeconds);
            Schedule(settings.MaxRetryDelay);
        }
    }

    /// <summary>One round for one message: a post to every webhook that has not taken it; the message as it stands after.</summary>
    private async Task<OutboxMessage> DeliverAsync(OutboxBatch batch, OutboxMessage message)
    {
        var (center, unitType) = await directory.LookupAsync(message.CenterId, message.ResourceId);
        var sentAt = time.GetUtcNow();
        var body = CustomerNotification.Of(batch, message, center, unitType, sentAt).ToUtf8Json();
        var attempt = message.Attempts + 1;
        var deliveredTo = message.DeliveredTo ?? [];
        DeliveryFailure? failure = null;
        foreach (var target in settings.Webhooks.Where(t => !deliveredTo.Contains(t.Key)))
        {
            var failed = await PostAsync(target, message.Id, attempt, sentAt, body);
            if (failed is null)
            {
                deliveredTo = deliveredTo.Add(target.Key);
                metrics.RecordDelivered();
                logger.Delivered(message.Id, message.Kind, target.Host, attempt);
            }
            else
            {
                metrics.RecordFailure(failed.Reason);
                failure ??= failed;
            }
        }

        var done = settings.Webhooks.All(t => deliveredTo.Contains(t.Key));
        var updated = message with { Attempts = attempt, DeliveredTo = deliveredTo };
        if (done)
        {
            return updated with { State = NotificationStates.Delivered, DeliveredAt = time.GetUtcNow(), LastError = null, NextAttemptAt = null };
        }

        var error = failure?.Error ?? "not delivered";
        if (attempt >= settings.MaxAttempts)
        {
            metrics.RecordFailure(DeliveryFailure.GaveUp);
            logger.GaveUp(message.Id, message.Kind, attempt, error);
            return updated with { State = NotificationStates.Failed, LastError = error, NextAttemptAt = null };
        }

        var delay = RetryBackoff.Delay(attempt, settings.InitialRetryDelay, settings.MaxRetryDelay, Random.Shared.NextDouble());
        logger.AttemptFailed(message.Id, message.Kind, attempt, error, delay.TotalSeconds);
        return updated with { LastError = error, NextAttemptAt = time.GetUtcNow() + delay };
    }

    /// <summary>Null when the webhook took it (any 2xx).</summary>
    private async Task<DeliveryFailure?> PostAsync(WebhookTarget target, string messageId, int attempt, DateTimeOffset sentAt, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.MessageIdHeader, messageId);
        request.Headers.Add(WebhookSignature.TimestampHeader, sentAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.AttemptHeader, attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(target.Secret, body));

        using var timeout = new CancellationTokenSource(settings.RequestTimeout, time);
        try
        {
            var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.IsSuccessStatusCode ? null : DeliveryFailure.Status(target, response.StatusCode);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return DeliveryFailure.TimedOut(target, settings.RequestTimeout);
        }
        catch (HttpRequestException e)
        {
            return DeliveryFailure.Unreachable(target, e.HttpRequestError);
        }
    }

    private void Schedule(TimeSpan due)
    {
        due = due < TimeSpan.Zero ? TimeSpan.Zero : due;
        if (timer is null)
        {
            // KeepAlive: a retry due in minutes must not wait for the reminder because the grain went idle.
            timer = this.RegisterGrainTimer(_ => RoundAsync(), new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private void StopTimer()
    {
        timer?.Dispose();
        timer = null;
    }

    private async Task RegisterReminderAsync()
    {
        if (reminderRegistered == true)
        {
            return;
        }

        try
        {
            await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
            reminderRegistered = true;
        }
        catch (Exception e) when (e is InvalidOperationException or OrleansException)
        {
            // No reminder service (or its table is unreachable): the timer still retries while this silo runs, and
            // the case kicks delivery again whenever it is activated with messages pending.
            logger.ReminderUnavailable(e);
        }
    }

    private async Task UnregisterReminderAsync()
    {
        if (reminderRegistered == false)
        {
            return;
        }

        try
        {
            if (await this.GetReminder(ReminderName) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            reminderRegistered = false;
        }
        catch (Exception e) when (e is InvalidOperationException or OrleansException)
        {
            // Left registered, it fires, finds nothing pending and is removed then.
            logger.ReminderUnavailable(e);
        }
    }
}
