using System.Diagnostics;
using System.Runtime.ExceptionServices;
using MassTransit;
using MicroInternships.Messaging.Replay;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MicroInternships.Messaging.Inbox;

/// <summary>
/// A consumer whose effects happen once per message, however often the broker delivers it. Deliveries are applied in
/// batches of whatever arrived while the previous batch was applied (<see cref="InboxLine{TMessage}"/>; up to
/// <see cref="MessagingOptions.InboxBatchSize"/>), each in one transaction: the inbox records <c>(MessageId, consumer)</c>
/// are inserted first (<c>ON CONFLICT DO NOTHING</c>), <see cref="HandleAsync"/> runs for the messages that were new,
/// and their effects and the events they cause commit with the records. A duplicate being applied concurrently holds
/// its key lock, so the later one waits and then skips. If a batch fails, its messages are applied one by one, so a
/// poison message cannot hold back the others; each failure is its own delivery's, which MassTransit retries and,
/// still failing, moves to the <c>_error</c> queue. A replayed event (<see cref="Replayed"/>) reaches
/// <see cref="HandleAsync"/> only in a consumer that builds state (<see cref="AppliesReplayedEvents"/>).
/// </summary>
public abstract partial class InboxConsumer<TMessage, TContext>(TContext db, MessagingMetrics metrics, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
    where TContext : DbContext
{
    private string? _consumer;

    protected TContext Db => db;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        if (Replayed.Is(context) && !AppliesReplayedEvents)
        {
            // Acknowledged and not recorded: the event's live delivery, if it is still to come, acts as usual.
            metrics.ReplaySkipped(Consumer);
            return;
        }

        var services = context.GetPayload<IServiceProvider>();
        var options = services.GetRequiredService<IOptions<MessagingOptions>>().Value;
        var line = services.GetRequiredService<InboxLines>().For<TMessage>(GetType());

        var (size, concurrency) = InboxBatchAttribute.Of(GetType(), options);
        var batch = await line.Join(context, size, concurrency, options.InboxLinger).Outcome;
        if (batch is null)
        {
            return;
        }

        Exception? failure;
        try
        {
            failure = await ApplyBatchAsync(batch, context.CancellationToken);
        }
        finally
        {
            line.Handover(size);
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>
    /// Whether this consumer applies events re-sent from a publisher's history. A consumer that builds state from events
    /// (a copy kept by version, a count) says yes; one that acts on them (sends, pays, notifies) keeps the default and
    /// never sees a replayed event.
    /// </summary>
    protected virtual bool AppliesReplayedEvents => false;

    /// <summary>
    /// Runs once per batch, in its transaction, before <see cref="HandleAsync"/> runs for each of the new messages: the
    /// place to lock or load in one statement what they all need, instead of a round trip each.
    /// </summary>
    protected virtual Task PrepareBatchAsync(IReadOnlyList<ConsumeContext<TMessage>> deliveries, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Applies one message through <see cref="Db"/>; the base class saves and commits.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken);

    private string Consumer => _consumer ??= ConsumerName.Of(GetType());

    /// <summary>Applies the batch and answers every delivery in it but the first (the leader's own), whose failure it returns.</summary>
    private async Task<Exception?> ApplyBatchAsync(IReadOnlyList<InboxTurn<TMessage>> batch, CancellationToken cancellationToken)
    {
        var failures = new Exception?[batch.Count];
        try
        {
            await ApplyAsync(batch.Select(turn => turn.Delivery).ToList(), cancellationToken);
        }
        catch (Exception) when (batch.Count > 1 && !cancellationToken.IsCancellationRequested)
        {
            for (var index = 0; index < batch.Count; index++)
            {
                try
                {
                    await ApplyAsync([batch[index].Delivery], cancellationToken);
                }
                catch (Exception exception)
                {
                    failures[index] = exception;
                }
            }
        }
        catch (Exception exception)
        {
            Array.Fill(failures, exception);
        }

        for (var index = 1; index < batch.Count; index++)
        {
            if (failures[index] is { } failure)
            {
                batch[index].Failed(failure);
            }
            else
            {
                batch[index].Applied();
            }
        }

        return failures[0];
    }

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
            if (toApply.Count > 0)
            {
                await PrepareBatchAsync([.. deliveries.Where(delivery => toApply.Contains(MessageIdOf(delivery)))], ct);
            }

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
