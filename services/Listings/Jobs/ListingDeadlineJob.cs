using MicroInternships.ServiceDefaults.Jobs;
using Microsoft.Extensions.Options;

namespace MicroInternships.Listings.Jobs;

/// <summary>Runs <see cref="ListingDeadlineSweeper"/> at start-up and then every <see cref="DeadlineOptions.SweepInterval"/>.</summary>
public sealed partial class ListingDeadlineJob(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<DeadlineOptions> options, ILogger<ListingDeadlineJob> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var closed = await scope.ServiceProvider.GetRequiredService<ListingDeadlineSweeper>().SweepAsync(cancellationToken);
        if (closed > 0)
        {
            LogClosed(closed);
        }
    }

    [LoggerMessage(LogLevel.Information, "Closed {Count} listings whose application deadline passed")]
    private partial void LogClosed(int count);
}
