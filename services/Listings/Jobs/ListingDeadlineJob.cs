using Microsoft.Extensions.Options;

namespace MicroInternships.Listings.Jobs;

/// <summary>Runs <see cref="ListingDeadlineSweeper"/> at start-up and then every <see cref="DeadlineOptions.SweepInterval"/>.</summary>
public sealed partial class ListingDeadlineJob(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<DeadlineOptions> options, ILogger<ListingDeadlineJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var closed = await scope.ServiceProvider.GetRequiredService<ListingDeadlineSweeper>().SweepAsync(stoppingToken);
                if (closed > 0)
                {
                    LogClosed(closed);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(LogLevel.Information, "Closed {Count} listings whose application deadline passed")]
    private partial void LogClosed(int count);

    [LoggerMessage(LogLevel.Warning, "The deadline sweep failed; it runs again at the next interval")]
    private partial void LogFailed(Exception exception);
}
