using MicroInternships.Contracts.Payments;
using MicroInternships.Messaging.Outbox;
using MicroInternships.Payments.Data;
using MicroInternships.Payments.Domain;
using MicroInternships.Payments.Telemetry;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Payments.Webhooks;

public enum WebhookOutcome
{
    Applied,
    Duplicate,
    UnknownReference,
    Flagged,
    Unchanged,
}

/// <summary>
/// Applies a verified, well-formed webhook to its payout, in one transaction with the record of its
/// <c>webhook-id</c> (kept only for a 2xx outcome, so a 404 is retried by the partner and may succeed later).
/// </summary>
public sealed partial class WebhookProcessor(PaymentsDbContext db, Funding funding, TimeProvider clock, ILogger<WebhookProcessor> logger)
{
    /// <remarks>
    /// The webhook id is claimed first: a copy arriving at the same moment waits on that key, and finds it taken once
    /// the first commits. An unknown reference gives the claim back, so the partner's retry is processed anew.
    /// </remarks>
    public Task<WebhookOutcome> ProcessAsync(string webhookId, PartnerWebhook webhook, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            var now = clock.GetUtcNow();
            var claimed = await db.Database
                .SqlQuery<string>($"""
                    INSERT INTO processed_webhooks (webhook_id, processed_at) VALUES ({webhookId}, {now})
                    ON CONFLICT DO NOTHING RETURNING webhook_id AS "Value"
                    """)
                .ToListAsync(ct);
            if (claimed.Count == 0)
            {
                return WebhookOutcome.Duplicate;
            }

            var payout = await db.LockAsync<Payout>(webhook.Reference, ct);
            if (payout is null)
            {
                await db.Database.ExecuteSqlAsync($"DELETE FROM processed_webhooks WHERE webhook_id = {webhookId}", ct);
                return WebhookOutcome.UnknownReference;
            }

            using var applying = PayoutTracing.StartWebhook(payout, webhook.Type);
            return await ApplyAsync(payout, webhook, sentAt, ct);
        }, cancellationToken);

    /// <param name="sentAt">The partner's timestamp of the webhook: its reports are ordered by it, not by their arrival.</param>
    private async Task<WebhookOutcome> ApplyAsync(Payout payout, PartnerWebhook webhook, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        if (webhook.AmountCents != payout.AmountCents || webhook.Currency != payout.Currency)
        {
            payout.Flag($"{webhook.Type} for {webhook.AmountCents} {webhook.Currency}, but the payout is {payout.AmountCents} {payout.Currency}");
            LogFlagged(payout.Id, payout.FlagReason!);
            return WebhookOutcome.Flagged;
        }

        var attempt = payout.Attempts.FirstOrDefault(a => a.PartnerPayoutId == webhook.PartnerPayoutId);
        if (attempt is null && payout.CurrentAttempt.PartnerPayoutId is null)
        {
            // The webhook beat the submission's answer: it is about the attempt in flight.
            attempt = payout.CurrentAttempt;
            attempt.Learned(webhook.PartnerPayoutId);
        }

        if (attempt is null || attempt.Number != payout.Attempt)
        {
            if (webhook.Type != PartnerWebhook.Paid)
            {
                return WebhookOutcome.Unchanged;
            }

            payout.Flag($"attempt {attempt?.Number.ToString() ?? webhook.PartnerPayoutId} was reported paid after it was superseded: the student may have been paid twice");
            LogFlagged(payout.Id, payout.FlagReason!);
            return WebhookOutcome.Flagged;
        }

        var now = clock.GetUtcNow();
        var report = webhook.Type == PartnerWebhook.Paid ? payout.ReportPaid(sentAt, now) : payout.ReportFailed(Reason(webhook), sentAt);
        object? change = report switch
        {
            PayoutReport.Paid =>
                new PayoutPaid(payout.Id, payout.Version, payout.PlacementId, payout.Attempt, payout.AmountCents, payout.Currency, now),
            PayoutReport.Failed =>
                new PayoutFailed(payout.Id, payout.Version, payout.PlacementId, payout.Attempt, payout.AmountCents, payout.Currency, payout.FailureReason!, now),
            PayoutReport.Returned =>
                new PayoutReturned(payout.Id, payout.Version, payout.PlacementId, payout.Attempt, payout.AmountCents, payout.Currency, payout.FailureReason!, now),
            _ => null,
        };
        if (report == PayoutReport.Flagged)
        {
            LogFlagged(payout.Id, payout.FlagReason!);
            return WebhookOutcome.Flagged;
        }

        if (change is null)
        {
            return WebhookOutcome.Unchanged;
        }

        // The money left the partner whichever order its reports came in: paid, or paid and then returned.
        if (webhook.Type == PartnerWebhook.Paid)
        {
            await funding.PaidAsync(payout, cancellationToken);
        }

        db.AddIntegrationEvent(change);
        return WebhookOutcome.Applied;
    }

    private static string Reason(PartnerWebhook webhook) =>
        string.IsNullOrWhiteSpace(webhook.FailureReason) ? "unknown" : webhook.FailureReason.Trim()[..Math.Min(webhook.FailureReason.Trim().Length, 100)];

    [LoggerMessage(LogLevel.Warning, "Payout {PayoutId} flagged for ops: {Reason}")]
    private partial void LogFlagged(Guid payoutId, string reason);
}
