using MicroInternships.ServiceDefaults.Jobs;
using Microsoft.Extensions.Options;

namespace MicroInternships.Notifications.Jobs;

/// <summary>Runs <see cref="ReminderSweeper"/> at start-up and then every <see cref="NotificationOptions.ReminderInterval"/>.</summary>
public sealed partial class ReminderJob(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<NotificationOptions> options, ILogger<ReminderJob> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => options.Value.ReminderInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sent = await scope.ServiceProvider.GetRequiredService<ReminderSweeper>().SweepAsync(cancellationToken);
        if (sent > 0)
        {
            LogSent(sent);
        }
    }

    [LoggerMessage(LogLevel.Information, "Sent {Count} reminders that came due")]
    private partial void LogSent(int count);
}
