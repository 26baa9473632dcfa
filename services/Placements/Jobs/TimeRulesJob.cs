using Microsoft.Extensions.Options;

namespace MicroInternships.Placements.Jobs;

/// <summary>Runs <see cref="TimeRulesSweeper"/> at start-up and then every <see cref="ClockOptions.SweepInterval"/>.</summary>
public sealed partial class TimeRulesJob(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<ClockOptions> options, ILogger<TimeRulesJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<TimeRulesSweeper>().SweepAsync(stoppingToken);
                if (result.Any)
                {
                    LogSwept(result.OffersExpired, result.PendingExpired, result.AutoApproved);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Information, "Time rules: {Offers} offers expired, {Pending} pending applications expired, {Approved} placements approved automatically")]
    private partial void LogSwept(int offers, int pending, int approved);

    [LoggerMessage(LogLevel.Warning, "The time-rules sweep failed; it runs again at the next interval")]
    private partial void LogFailed(Exception exception);
}
