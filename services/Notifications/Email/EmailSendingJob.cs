using MicroInternships.ServiceDefaults.Jobs;
using Microsoft.Extensions.Options;

namespace MicroInternships.Notifications.Email;

/// <summary>
/// Sends queued email as soon as a transaction queues some (and every <see cref="EmailOptions.PollInterval"/> for
/// retries and leases that ran out), batch after batch while they come back full.
/// </summary>
public sealed class EmailSendingJob(
    IServiceScopeFactory scopes, JobWakeUp<EmailSendingJob> newEmail, TimeProvider clock, IOptions<EmailOptions> options, ILogger<EmailSendingJob> logger)
    : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override Func<CancellationToken, Task> WaitForWakeUp => newEmail.WaitAsync;

    /// <summary>
    /// <see cref="EmailOptions.SendConcurrency"/> senders at once, each over its own connection with its own claimed
    /// batches (the claim skips what another holds): a mail server answers each email in turn, so one connection waits
    /// on every round trip. Then what still waits is counted for the gauges.
    /// </summary>
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(Enumerable.Range(0, options.Value.SendConcurrency).Select(_ => SendUntilShortAsync(cancellationToken)));
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EmailSender>().MeasureBacklogAsync(cancellationToken);
    }

    private async Task SendUntilShortAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<EmailSender>().SendDueAsync(cancellationToken) < options.Value.BatchSize)
            {
                return;
            }
        }
    }
}
