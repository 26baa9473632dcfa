using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MicroInternships.Messaging.Inbox;

/// <summary>
/// A consumer whose effects happen once per message, however often the broker delivers it. The inbox record
/// <c>(MessageId, consumer)</c> is written in the same transaction as <see cref="HandleAsync"/>'s changes and the
/// events they cause; a delivery whose record already exists (or is being written by a concurrent duplicate,
/// whose key lock it waits for) rolls back and is acknowledged without effect.
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

        // The transaction is ours: savepoints around SaveChanges would only add round trips.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await HandleAsync(context, ct);

                // Saved in the same batch as the handler's changes: one round trip, and the key decides who applies.
                db.Set<InboxMessage>().Add(new InboxMessage(messageId, consumer));
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }, context.CancellationToken);
        }
        catch (DbUpdateException exception) when (IsInboxKeyConflict(exception))
        {
            db.ChangeTracker.Clear();
            metrics.DuplicateSkipped(consumer);
            LogDuplicate(logger, messageId, consumer);
        }
    }

    /// <summary>Applies the message through <see cref="Db"/>; the base class saves and commits.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken);

    private static bool IsInboxKeyConflict(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres
        && postgres.TableName == InboxMessageConfiguration.Table;

    [LoggerMessage(LogLevel.Debug, "Message {MessageId} was already applied by {Consumer}; skipped")]
    private static partial void LogDuplicate(ILogger logger, Guid messageId, string consumer);
}
