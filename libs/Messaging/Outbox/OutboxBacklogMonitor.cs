using MicroInternships.ServiceDefaults.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MicroInternships.Messaging.Outbox;

/// <summary>Samples <typeparamref name="TContext"/>'s outbox backlog for the gauges, so exporting metrics never waits on the database.</summary>
internal sealed class OutboxBacklogMonitor<TContext>(
    IServiceScopeFactory scopes,
    MessagingMetrics metrics,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<OutboxBacklogMonitor<TContext>> logger) : PeriodicJob(clock, logger) where TContext : DbContext
{
    protected override TimeSpan Interval => options.Value.BacklogSampleInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        metrics.Observe(await OutboxBacklog.ReadAsync(scope.ServiceProvider.GetRequiredService<TContext>(), cancellationToken));
    }
}
