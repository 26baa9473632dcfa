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
        var now = clock.GetUtcNow();
        if (webhook.AmountCents != payout.AmountCents || webhook.Currency != payout.Currency)
        {
            return Flag(payout, $"{webhook.Type} for {webhook.AmountCents} {webhook.Currency}, but the payout is {payout.AmountCents} {payout.Currency}", now);
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
            return webhook.Type != PartnerWebhook.Paid
                ? WebhookOutcome.Unchanged
                : Flag(payout, $"attempt {attempt?.Number.ToString() ?? webhook.PartnerPayoutId} was reported paid after it was superseded: the student may have been paid twice", now);
        }

        var report = webhook.Type == PartnerWebhook.Paid ? payout.ReportPaid(sentAt, now) : payout.ReportFailed(Reason(webhook), sentAt, now);
        switch (report)
        {
            case PayoutReport.Flagged:
                LogFlagged(payout.Id, payout.FlagReason!);
                return WebhookOutcome.Flagged;
            case PayoutReport.Unchanged:
                return WebhookOutcome.Unchanged;
        }

        // The money left the partner whichever order its reports came in: paid, or paid and then returned.
        if (webhook.Type == PartnerWebhook.Paid)
        {
            await funding.PaidAsync(payout, cancellationToken);
        }

        return WebhookOutcome.Applied;
    }

    private WebhookOutcome Flag(Payout payout, string reason, DateTimeOffset now)
    {
        payout.Flag(reason, now);
        LogFlagged(payout.Id, reason);
        return WebhookOutcome.Flagged;
    }

    private static string Reason(PartnerWebhook webhook) =>
        string.IsNullOrWhiteSpace(webhook.FailureReason) ? "unknown" : webhook.FailureReason.Trim()[..Math.Min(webhook.FailureReason.Trim().Length, 100)];

    [LoggerMessage(LogLevel.Warning, "Payout {PayoutId} flagged for ops: {Reason}")]
    private partial void LogFlagged(Guid payoutId, string reason);
}
