using MicroInternships.Payments.Data;
using MicroInternships.Payments.Domain;
using MicroInternships.Payments.Telemetry;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Payments.Partner;

/// <summary>
/// Sends committed <c>pending</c> payouts to the partner. A payout is claimed (<c>FOR UPDATE SKIP LOCKED</c>, its
/// <c>submit_after</c> pushed a lease ahead) in one transaction, sent outside any transaction, and the answer is
/// recorded in another: replicas never send one at once, and a crash mid-flight only means the same attempt is
/// sent again after the lease, with the same idempotency key, which the partner answers without paying twice.
/// </summary>
public sealed partial class PayoutSubmitter(
    PaymentsDbContext db, PaymentPartnerClient partner, TimeProvider clock, IOptions<PaymentPartnerOptions> options, ILogger<PayoutSubmitter> logger)
{
    /// <summary>Claims the payouts due now, leasing them for <see cref="PaymentPartnerOptions.SubmitLease"/>; the caller sends each.</summary>
    public async Task<List<(Guid PayoutId, int Attempt)>> ClaimDueAsync(CancellationToken cancellationToken)
    {
        var (claimed, _) = await db.ClaimBatchAsync(
            () => db.Payouts.FromSql($"""
                SELECT * FROM payouts
                WHERE status = 'pending' AND submit_after <= {clock.GetUtcNow()}
                ORDER BY submit_after
                LIMIT {options.Value.SubmitBatchSize}
                FOR UPDATE SKIP LOCKED
                """),
            (payout, _) =>
            {
                payout.Lease(clock.GetUtcNow() + options.Value.SubmitLease);
                return Task.FromResult(true);
            },
            cancellationToken);
        return claimed.Select(p => (p.Id, p.Attempt)).ToList();
    }

    /// <summary>Sends one claimed attempt and records the answer; also used right after a coordinator retries or funds a payout.</summary>
    public async Task SubmitAsync(Guid payoutId, int attempt, CancellationToken cancellationToken)
    {
        var payout = await db.Payouts.AsNoTracking().FirstAsync(p => p.Id == payoutId, cancellationToken);
        var key = payout.Attempts.Single(a => a.Number == attempt).IdempotencyKey;
        using var submission = PayoutTracing.StartSubmission(payout, attempt);
        var result = await partner.SubmitAsync(payout.Id, payout.StudentId, payout.AmountCents, payout.Currency, key, cancellationToken);
        await db.InTransactionAsync(ct => RecordAsync(payoutId, attempt, result, ct), cancellationToken);
    }

    private async Task<bool> RecordAsync(Guid payoutId, int attempt, SubmissionResult result, CancellationToken cancellationToken)
    {
        var payout = await db.LockAsync<Payout>(payoutId, cancellationToken) ?? throw new InvalidOperationException($"Payout {payoutId} vanished while it was sent.");
        if (payout.Attempt != attempt)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        switch (result)
        {
            case SubmissionResult.Accepted accepted:
                payout.Submitted(accepted.PartnerPayoutId, now);
                break;
            case SubmissionResult.Transient transient when payout.Status == PayoutStatus.Pending:
                var delay = RetryDelay(payout.TransientFailures);
                payout.SubmissionFailedTransiently(delay, now);
                LogTransient(payout.Id, transient.Reason, delay);
                break;
            case SubmissionResult.Refused refused:
                payout.SubmissionRefused(refused.Reason, now);
                break;
        }

        return true;
    }

    private TimeSpan RetryDelay(int failures)
    {
        var delay = options.Value.FirstRetryDelay * Math.Pow(2, Math.Min(failures, 16));
        return delay < options.Value.MaxRetryDelay ? delay : options.Value.MaxRetryDelay;
    }

    [LoggerMessage(LogLevel.Warning, "Payout {PayoutId} could not be sent ({Reason}); it is tried again in {Delay}")]
    private partial void LogTransient(Guid payoutId, string reason, TimeSpan delay);
}
