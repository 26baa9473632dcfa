using MicroInternships.ServiceDefaults.Jobs;
using Microsoft.Extensions.Options;

namespace MicroInternships.Payments.Partner;

/// <summary>
/// Every <see cref="PaymentPartnerOptions.SubmitPollInterval"/>, claims the payouts due and sends them, several at
/// once (each in its own scope), so a batch finishes well inside its lease even when the partner is slow; while
/// batches come back full it goes on at once.
/// </summary>
public sealed class PayoutSubmissionJob(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<PaymentPartnerOptions> options, ILogger<PayoutSubmissionJob> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => options.Value.SubmitPollInterval;

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
