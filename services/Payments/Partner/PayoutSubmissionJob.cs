using MicroInternships.ServiceDefaults.Jobs;
using Microsoft.Extensions.Options;

namespace MicroInternships.Payments.Partner;

/// <summary>
/// As soon as a payout is committed (and every <see cref="PaymentPartnerOptions.SubmitPollInterval"/> for retries
/// and leases that ran out), claims the payouts due and sends them, several at once (each in its own scope), so a
/// batch finishes well inside its lease even when the partner is slow; while batches come back full it goes on at once.
/// </summary>
public sealed class PayoutSubmissionJob(
    IServiceScopeFactory scopes,
    JobWakeUp<PayoutSubmissionJob> newPayouts,
    TimeProvider clock,
    IOptions<PaymentPartnerOptions> options,
    ILogger<PayoutSubmissionJob> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => options.Value.SubmitPollInterval;

    protected override Func<CancellationToken, Task> WaitForWakeUp => newPayouts.WaitAsync;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        while (await SubmitBatchAsync(cancellationToken) >= options.Value.SubmitBatchSize)
        {
        }
    }

    private async Task<int> SubmitBatchAsync(CancellationToken cancellationToken)
    {
        List<(Guid PayoutId, int Attempt)> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            claimed = await scope.ServiceProvider.GetRequiredService<PayoutSubmitter>().ClaimDueAsync(cancellationToken);
        }

        await Parallel.ForEachAsync(
            claimed,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.SubmitConcurrency, CancellationToken = cancellationToken },
            async (payout, ct) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PayoutSubmitter>().SubmitAsync(payout.PayoutId, payout.Attempt, ct);
            });
        return claimed.Count;
    }
}
