using System.Diagnostics;
using MassTransit;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MicroInternships.Messaging.Inbox;

/// <summary>
/// A consumer whose effects happen once per message, however often the broker delivers it. Messages arrive in
/// small batches (<see cref="MessagingOptions.InboxBatchSize"/>) applied in one transaction: the inbox records
/// <c>(MessageId, consumer)</c> are inserted first (<c>ON CONFLICT DO NOTHING</c>), <see cref="HandleAsync"/>
/// runs for the messages that were new, and their effects and the events they cause commit with the records.
/// A duplicate being applied concurrently holds its key lock, so the later one waits and then skips.
/// If a batch fails, its messages are applied one by one, so a poison message cannot hold back the others;
/// the failures then fail the batch, which is retried (already applied messages are skipped) and, still
/// failing, goes to the <c>_error</c> queue.
/// </summary>
public abstract partial class InboxConsumer<TMessage, TContext>(TContext db, MessagingMetrics metrics, ILogger logger) : IConsumer<Batch<TMessage>>
    where TMessage : class
    where TContext : DbContext
{
    private string? _consumer;

    protected TContext Db => db;

    public async Task Consume(ConsumeContext<Batch<TMessage>> context)
    {
        var deliveries = context.Message.ToList();
        try
        {
            await ApplyAsync(deliveries, context.CancellationToken);
        }
        catch (Exception) when (deliveries.Count > 1 && !context.CancellationToken.IsCancellationRequested)
        {
            var failures = new List<Exception>();
            foreach (var delivery in deliveries)
            {
                try
                {
                    await ApplyAsync([delivery], context.CancellationToken);
                }
                catch (Exception exception) when (!context.CancellationToken.IsCancellationRequested)
                {
                    failures.Add(exception);
                }
            }

            if (failures.Count > 0)
            {
                throw new AggregateException($"{failures.Count} of {deliveries.Count} {typeof(TMessage).Name} messages failed.", failures);
            }
        }
    }

    /// <summary>Applies one message through <see cref="Db"/>; the base class saves and commits.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken);

    private string Consumer => _consumer ??= ConsumerName.Of(GetType());

    /// <returns>How many of the deliveries were new and applied.</returns>
    private Task<int> ApplyAsync(IReadOnlyList<ConsumeContext<TMessage>> deliveries, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            var ids = deliveries.Select(MessageIdOf).Distinct().ToArray();
            var fresh = await db.Database
                .SqlQuery<Guid>($"""
                    INSERT INTO inbox_messages (message_id, consumer)
                    SELECT id, {Consumer} FROM unnest({ids}) AS id
                    ON CONFLICT DO NOTHING
                    RETURNING message_id AS "Value"
                    """)
                .ToListAsync(ct);
            var toApply = fresh.ToHashSet();

            foreach (var delivery in deliveries)
            {
                if (toApply.Remove(MessageIdOf(delivery)))
                {
                    // Each message of a batch continues its own publisher's trace, whatever trace the batch runs in.
                    using var applying = MessagingTracing.Source.Continue(
                        $"inbox apply {typeof(TMessage).Name}",
                        MessagingTracing.TraceParentOf(delivery),
                        kind: ActivityKind.Consumer);
                    await HandleAsync(delivery, ct);
                }
                else
                {
                    metrics.DuplicateSkipped(Consumer);
                    LogDuplicate(logger, MessageIdOf(delivery), Consumer);
                }
            }

            return fresh.Count;
        }, cancellationToken);

    private static Guid MessageIdOf(ConsumeContext<TMessage> delivery) =>
        delivery.MessageId ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a MessageId.");

    [LoggerMessage(LogLevel.Debug, "Message {MessageId} was already applied by {Consumer}; skipped")]
    private static partial void LogDuplicate(ILogger logger, Guid messageId, string consumer);
}
