using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MicroInternships.Messaging.Inbox;

/// <summary>
/// A consumer whose effects happen once per message, however often the broker delivers it. It records
/// <c>(MessageId, consumer)</c> in the inbox first, in the same transaction as <see cref="HandleAsync"/>'s
/// changes and the events they cause; a delivery that finds the record already there does nothing.
/// A concurrent duplicate waits on the first one's row lock and then sees its record.
/// </summary>
public abstract partial class InboxConsumer<TMessage, TContext>(TContext db, MessagingMetrics metrics, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
    where TContext : DbContext
{

    protected TContext Db => db;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a MessageId.");
        var consumer = ConsumerName.Of(GetType());

        var applied = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var recorded = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO inbox_messages (message_id, consumer) VALUES ({messageId}, {consumer}) ON CONFLICT DO NOTHING", ct);
            if (recorded == 0)
            {
                return false;
            }

            await HandleAsync(context, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, context.CancellationToken);

        if (!applied)
        {
            metrics.DuplicateSkipped(consumer);
            LogDuplicate(logger, messageId, consumer);
        }
    }

    /// <summary>Applies the message through <see cref="Db"/>; the base class saves and commits.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken);

    [LoggerMessage(LogLevel.Debug, "Message {MessageId} was already applied by {Consumer}; skipped")]
    private static partial void LogDuplicate(ILogger logger, Guid messageId, string consumer);
}
