using Microsoft.Extensions.Options;

namespace MicroInternships.Payments.Partner;

/// <summary>
/// Every <see cref="PaymentPartnerOptions.SubmitPollInterval"/>, claims the payouts due and sends them, several at
/// once (each in its own scope), so a batch finishes well inside its lease even when the partner is slow; while
/// batches come back full it goes on at once.
/// </summary>
public sealed partial class PayoutSubmissionJob(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<PaymentPartnerOptions> options, ILogger<PayoutSubmissionJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SubmitPollInterval, clock);
        do
        {
            try
            {
                while (await SubmitBatchAsync(stoppingToken) >= options.Value.SubmitBatchSize)
                {
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<int> SubmitBatchAsync(CancellationToken stoppingToken)
    {
        List<(Guid PayoutId, int Attempt)> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            claimed = await scope.ServiceProvider.GetRequiredService<PayoutSubmitter>().ClaimDueAsync(stoppingToken);
        }

        await Parallel.ForEachAsync(
            claimed,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.SubmitConcurrency, CancellationToken = stoppingToken },
            async (payout, ct) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PayoutSubmitter>().SubmitAsync(payout.PayoutId, payout.Attempt, ct);
            });
        return claimed.Count;
    }

    [LoggerMessage(LogLevel.Warning, "Submitting payouts failed; it runs again at the next interval")]
    private partial void LogFailed(Exception exception);
}
