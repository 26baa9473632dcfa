using Microsoft.Extensions.Options;

namespace MicroInternships.Payments.Partner;

/// <summary>Runs <see cref="PayoutSubmitter"/> every <see cref="PaymentPartnerOptions.SubmitPollInterval"/>, and at once again while it finds work.</summary>
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
                int sent;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    sent = await scope.ServiceProvider.GetRequiredService<PayoutSubmitter>().SubmitDueAsync(stoppingToken);
                }
                while (sent > 0 && !stoppingToken.IsCancellationRequested);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Warning, "Submitting payouts failed; it runs again at the next interval")]
    private partial void LogFailed(Exception exception);
}
