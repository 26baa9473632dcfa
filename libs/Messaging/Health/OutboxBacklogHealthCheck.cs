using MicroInternships.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MicroInternships.Messaging.Health;

/// <summary>
/// Degraded while the outbox falls behind: its oldest unsent row older than <see cref="MessagingOptions.BacklogMaxAge"/>
/// or more rows waiting than <see cref="MessagingOptions.BacklogMaxRows"/> means events are not leaving this service,
/// though its API still works (a broker outage does this, and readiness must not follow it).
/// </summary>
internal sealed class OutboxBacklogHealthCheck<TContext>(TContext db, IOptions<MessagingOptions> options) : IHealthCheck where TContext : DbContext
{
    public const string Name = "outbox-backlog";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var backlog = await OutboxBacklog.ReadAsync(db, cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["unsent"] = backlog.Unsent,
            ["oldestAgeSeconds"] = Math.Round(backlog.OldestAge.TotalSeconds, 1),
            ["parked"] = backlog.Parked,
        };
        return backlog.OldestAge > options.Value.BacklogMaxAge || backlog.Unsent > options.Value.BacklogMaxRows
            ? new HealthCheckResult(context.Registration.FailureStatus, $"{backlog.Unsent} outbox rows wait, the oldest for {backlog.OldestAge:g}.", data: data)
            : HealthCheckResult.Healthy(data: data);
    }
}
