using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Messaging.Recovery;
using MicroInternships.Messaging.Replay;
using MicroInternships.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MicroInternships.Messaging.Outbox;

/// <summary>
/// The only publisher of <typeparamref name="TContext"/>'s integration events, with <c>MessageId</c> = row id.
/// Rows this process commits are handed to it in memory (<see cref="OutboxHandOff{TContext}"/>), published at once
/// and marked sent. Every other due row (a failed or parked one's retry, a crashed process's, a replica's whose lease
/// ran out) it claims with <c>FOR UPDATE SKIP LOCKED</c> (replicas never claim the same row while both are healthy),
/// publishes and marks sent in the same transaction. A crash between publish and mark republishes the rows later:
/// delivery is at least once, and consumers' inboxes make the effect once.
/// </summary>
internal sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBusControl bus,
    OutboxSignal<TContext> signal,
    OutboxHandOff<TContext> handOff,
    BrokerReachability broker,
    IOptions<MessagingOptions> options,
    MessagingMetrics metrics,
    IHostEnvironment environment,
    IEnumerable<SubscribedEvent> subscribedEvents,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService where TContext : DbContext
{
    private readonly MessagingOptions _options = options.Value;
    private readonly HashSet<Type> _subscribed = subscribedEvents.Select(subscribed => subscribed.Type).ToHashSet();
    private readonly string _service = environment.ApplicationName;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, Math.Max(1, _options.RelayConcurrency)).ToArray();
        if (_options.HandOffLease > TimeSpan.Zero)
        {
            handOff.Open(_options.HandOffLease);
        }

        try
        {
            await Task.WhenAll(workers.SelectMany(worker => new[] { RunWorkerAsync(worker, stoppingToken), RunHandOffWorkerAsync(stoppingToken) }));
        }
        finally
        {
            handOff.Close();
            await ReleaseUnpublishedHandOffsAsync();
        }
    }

    /// <summary>Publishes rows as this process commits them, up to a batch at a time, and marks them sent.</summary>
    private async Task RunHandOffWorkerAsync(CancellationToken stoppingToken)
    {
        var committed = handOff.Committed;
        try
        {
            while (await committed.WaitToReadAsync(stoppingToken))
            {
                var rows = new List<OutboxMessage>();
                while (rows.Count < _options.BatchSize && committed.TryRead(out var row))
                {
                    rows.Add(row);
                }

                try
                {
                    await PublishHandedOffAsync(rows, stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    LogHandOffFailed(exception, rows.Count, _options.HandOffLease);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PublishHandedOffAsync(List<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        var failures = await BrokerAvailableAsync(cancellationToken)
            ? await Task.WhenAll(rows.Select(row => PublishAsync(row, cancellationToken)))
            : [.. rows.Select(_ => "The broker is unreachable.")];
        var sent = rows.Where((_, index) => failures[index] is null).Select(row => row.Id).ToArray();
        var failed = rows.Where((_, index) => failures[index] is not null).Select(row => row.Id).ToArray();

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        if (sent.Length > 0)
        {
            await MarkSentAsync(db, sent, cancellationToken);
            metrics.Published(_service, sent.Length);
        }

        if (failed.Length > 0)
        {
            await MakeDueAsync(db, failed, cancellationToken);
            LogHandOffNotPublished(failed.Length, failures.First(failure => failure is not null)!);
        }
    }

    /// <remarks>A row a claiming worker republished meanwhile (its lease ran out) keeps its first <c>sent_at</c>.</remarks>
    private static Task<int> MarkSentAsync(TContext db, Guid[] ids, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"UPDATE outbox_messages SET sent_at = now() WHERE id = ANY({ids}) AND sent_at IS NULL", cancellationToken);

    /// <summary>Gives rows back to the claiming workers now instead of when their lease runs out, and wakes one.</summary>
    private async Task MakeDueAsync(TContext db, Guid[] ids, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"UPDATE outbox_messages SET available_at = now() WHERE id = ANY({ids}) AND sent_at IS NULL", cancellationToken);
        signal.Notify();
    }

    /// <summary>On the way out, rows handed over but not yet published become due for the next relay instead of waiting out their lease.</summary>
    private async Task ReleaseUnpublishedHandOffsAsync()
    {
        var ids = new List<Guid>();
        while (handOff.Committed.TryRead(out var row))
        {
            ids.Add(row.Id);
        }

        if (ids.Count == 0)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await using var scope = scopes.CreateAsyncScope();
            await MakeDueAsync(scope.ServiceProvider.GetRequiredService<TContext>(), [.. ids], timeout.Token);
        }
        catch (Exception exception)
        {
            LogHandOffFailed(exception, ids.Count, _options.HandOffLease);
        }
    }

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
                await MarkSentAsync(db, sent, ct);
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
            // MassTransit does not always give up on a token while it waits for a connection or a confirm, and this
            // batch's rows stay locked until it returns; so the wait is bounded here, by one timer per publish. A
            // publish that completes after this gave up only delivers a copy, which the consumers' inboxes drop.
            if (row.ReplayTo is { } exchange)
            {
                var consumer = await bus.GetSendEndpoint(new Uri($"exchange:{exchange}"));
                await consumer.Send(message, type, Pipe.Execute<SendContext>(context =>
                    {
                        context.MessageId = row.ReplayOf ?? row.Id;
                        Replayed.Mark(context);
                        // Returned while the consumer's replay queue is not bound: retried like any returned publish, then parked for ops.
                        if (context.TryGetPayload(out RabbitMqSendContext? rabbit))
                        {
                            rabbit.Mandatory = true;
                        }
                    }), cancellationToken)
                    .WaitAsync(_options.PublishTimeout, cancellationToken);
                return null;
            }

            var mandatory = _subscribed.Contains(type);
            await bus.Publish(message, type, Pipe.Execute<PublishContext>(context =>
                {
                    context.MessageId = row.Id;
                    context.Mandatory = mandatory;
                }), cancellationToken)
                .WaitAsync(_options.PublishTimeout, cancellationToken);
            return null;
        }
        catch (MessageReturnedException) when (!cancellationToken.IsCancellationRequested)
        {
            return "Returned by RabbitMQ: no subscriber's queue is bound for this event yet";
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

    [LoggerMessage(LogLevel.Warning, "{Count} outbox rows committed here could not be published straight away ({Error}); the relay retries them")]
    private partial void LogHandOffNotPublished(int count, string error);

    [LoggerMessage(LogLevel.Warning, "Publishing or marking {Count} outbox rows committed here failed; a relay claims them once their lease of {Lease} ends")]
    private partial void LogHandOffFailed(Exception exception, int count, TimeSpan lease);

    [LoggerMessage(LogLevel.Error, "The outbox relay failed; it tries again")]
    private partial void LogRelayFailed(Exception exception);

    [LoggerMessage(LogLevel.Warning, "Publishing outbox message {MessageId} ({MessageType}) failed on attempt {Attempt}; next try in {Delay}: {Error}")]
    private partial void LogPublishFailed(Guid messageId, string messageType, int attempt, TimeSpan delay, string error);

    [LoggerMessage(LogLevel.Error, "Outbox message {MessageId} ({MessageType}) is parked after {Attempt} failed publishes: {Error}. Replay it once the cause is fixed (docs/messaging.md)")]
    private partial void LogParked(Guid messageId, string messageType, int attempt, string error);

    [LoggerMessage(LogLevel.Information, "Deleted {SentRows} sent outbox rows and {InboxRows} inbox records past retention")]
    private partial void LogCleanedUp(int sentRows, int inboxRows);
}
