using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Messaging.Recovery;
using MicroInternships.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MicroInternships.Messaging.Outbox;

/// <summary>
/// The only publisher of <typeparamref name="TContext"/>'s integration events. It claims due rows with
/// <c>FOR UPDATE SKIP LOCKED</c> (replicas never claim the same row while both are healthy), publishes them
/// with <c>MessageId</c> = row id, and marks them sent in the same transaction. A crash between publish and
/// commit republishes the rows later: delivery is at least once, and consumers' inboxes make the effect once.
/// </summary>
internal sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBusControl bus,
    OutboxSignal<TContext> signal,
    BrokerReachability broker,
    IOptions<MessagingOptions> options,
    MessagingMetrics metrics,
    IHostEnvironment environment,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService where TContext : DbContext
{
    private readonly MessagingOptions _options = options.Value;
    private readonly string _service = environment.ApplicationName;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, _options.RelayConcurrency)).Select(worker => RunWorkerAsync(worker, stoppingToken)));

    /// <summary>
    /// One claim-publish-mark loop. Several run side by side so that the next batch is claimed while earlier ones
    /// wait for the broker's confirmations; <c>SKIP LOCKED</c> keeps them (and other replicas) off each other's rows.
    /// </summary>
    private async Task RunWorkerAsync(int worker, CancellationToken stoppingToken)
    {
        var nextCleanup = worker == 0 ? DateTimeOffset.UtcNow : DateTimeOffset.MaxValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var claimed = 0;
                try
                {
                    if (await BrokerAvailableAsync(stoppingToken))
                    {
                        claimed = await RelayBatchAsync(stoppingToken);
                    }

                    if (DateTimeOffset.UtcNow >= nextCleanup)
                    {
                        await CleanUpAsync(stoppingToken);
                        nextCleanup = DateTimeOffset.UtcNow + _options.CleanupInterval;
                    }
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    LogRelayFailed(exception);
                }

                if (claimed < _options.BatchSize)
                {
                    await signal.WaitAsync(_options.PollInterval, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// While the broker is down, rows wait instead of spending their attempts on it. The bus's own health is not enough
    /// to tell: it is unhealthy while any consumer endpoint is, and MassTransit has been seen to leave one faulted well
    /// after the broker came back, which must not hold every event of the service.
    /// </summary>
    private async Task<bool> BrokerAvailableAsync(CancellationToken cancellationToken) =>
        bus.CheckHealth().Status == BusHealthStatus.Healthy || await broker.IsReachableAsync(cancellationToken);

    private async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var due = await db.Set<OutboxMessage>()
                .FromSql($"""
                    SELECT * FROM outbox_messages
                    WHERE sent_at IS NULL AND parked_at IS NULL AND available_at <= now()
                    ORDER BY available_at, id
                    LIMIT {_options.BatchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .AsNoTracking()
                .ToListAsync(ct);
            if (due.Count == 0)
            {
                return 0;
            }

            var failures = await Task.WhenAll(due.Select(row => PublishAsync(row, ct)));
            var sent = due.Where((_, index) => failures[index] is null).Select(row => row.Id).ToArray();
            if (sent.Length > 0)
            {
                await db.Database.ExecuteSqlAsync($"UPDATE outbox_messages SET sent_at = now() WHERE id = ANY({sent})", ct);
            }

            for (var index = 0; index < due.Count; index++)
            {
                if (failures[index] is { } error)
                {
                    await RescheduleAsync(db, due[index], error, ct);
                }
            }

            await transaction.CommitAsync(ct);
            metrics.Published(_service, sent.Length);
            return due.Count;
        }, cancellationToken);
    }

    private async Task<string?> PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        try
        {
            var type = MessageTypeNames.TypeOf(row.MessageType);
            var message = JsonSerializer.Deserialize(row.Payload, type, OutboxDbContextExtensions.PayloadJson)
                ?? throw new InvalidOperationException("The payload is null.");
            using var activity = MessagingTracing.Source.Continue($"outbox relay {type.Name}", row.TraceParent, row.TraceState);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.PublishTimeout);

            // MassTransit does not always give up on the token while it waits for a connection or a confirm, and this
            // batch's rows stay locked until it returns; so the wait is bounded here as well. A publish that completes
            // after this gave up only delivers a copy, which the consumers' inboxes drop.
            await bus.Publish(message, type, Pipe.Execute<PublishContext>(context => context.MessageId = row.Id), timeout.Token)
                .WaitAsync(_options.PublishTimeout, cancellationToken);
            return null;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return $"{exception.GetType().Name}: {exception.Message}";
        }
    }

    private async Task RescheduleAsync(TContext db, OutboxMessage row, string error, CancellationToken cancellationToken)
    {
        var attempts = row.Attempts + 1;
        var parked = attempts >= _options.MaxAttempts;
        var delay = Backoff(attempts);
        var lastError = error.Length > 2000 ? error[..2000] : error;
        await db.Database.ExecuteSqlAsync($"""
            UPDATE outbox_messages
            SET attempts = {attempts}, last_error = {lastError}, available_at = now() + {delay},
                parked_at = CASE WHEN {parked} THEN now() END
            WHERE id = {row.Id}
            """, cancellationToken);

        metrics.PublishFailed(_service, row.MessageType);
        if (parked)
        {
            metrics.Parked(_service, row.MessageType);
            LogParked(row.Id, row.MessageType, attempts, lastError);
        }
        else
        {
            LogPublishFailed(row.Id, row.MessageType, attempts, delay, lastError);
        }
    }

    private TimeSpan Backoff(int attempts)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(_options.BaseBackoff.Ticks * factor, _options.MaxBackoff.Ticks));
        return delay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250));
    }

    private async Task CleanUpAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = DateTimeOffset.UtcNow - _options.Retention;
        var sent = await db.Set<OutboxMessage>().Where(m => m.CreatedAt < cutoff && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        var processed = await db.Set<InboxMessage>().Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        if (sent + processed > 0)
        {
            LogCleanedUp(sent, processed);
        }
    }

    [LoggerMessage(LogLevel.Error, "The outbox relay failed; it tries again")]
    private partial void LogRelayFailed(Exception exception);

    [LoggerMessage(LogLevel.Warning, "Publishing outbox message {MessageId} ({MessageType}) failed on attempt {Attempt}; next try in {Delay}: {Error}")]
    private partial void LogPublishFailed(Guid messageId, string messageType, int attempt, TimeSpan delay, string error);

    [LoggerMessage(LogLevel.Error, "Outbox message {MessageId} ({MessageType}) is parked after {Attempt} failed publishes: {Error}. Replay it once the cause is fixed (docs/messaging.md)")]
    private partial void LogParked(Guid messageId, string messageType, int attempt, string error);

    [LoggerMessage(LogLevel.Information, "Deleted {SentRows} sent outbox rows and {InboxRows} inbox records past retention")]
    private partial void LogCleanedUp(int sentRows, int inboxRows);
}
