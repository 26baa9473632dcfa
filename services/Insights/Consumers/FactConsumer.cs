using MassTransit;
using MicroInternships.Insights.Data;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;

namespace MicroInternships.Insights.Consumers;

/// <summary>
/// A consumer that copies one kind of event into the read model, live or replayed alike (it only builds state). The
/// inbox hands it a batch of new deliveries; it writes them all in one round trip (<see cref="FactBatch"/>), in their
/// order, inside the batch's transaction, so a replay of hundreds of thousands of events costs a few statements per
/// batch rather than per event.
/// </summary>
public abstract class FactConsumer<TMessage>(InsightsDbContext db, MessagingMetrics metrics, ILogger logger)
    : InboxConsumer<TMessage, InsightsDbContext>(db, metrics, logger), IFactWriter
    where TMessage : class
{
    Type IFactWriter.EventType => typeof(TMessage);

    protected override bool AppliesReplayedEvents => true;

    void IFactWriter.Write(FactBatch batch, object message) => Write(batch, (TMessage)message);

    protected override Task PrepareBatchAsync(IReadOnlyList<ConsumeContext<TMessage>> deliveries, CancellationToken cancellationToken)
    {
        var batch = new FactBatch();
        foreach (var delivery in deliveries)
        {
            Write(batch, delivery.Message);
        }

        return batch.ExecuteAsync(Db, cancellationToken);
    }

    /// <summary>Written with the rest of the batch, before this; nothing is left to do per message.</summary>
    protected override Task HandleAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken) => Task.CompletedTask;

    protected abstract void Write(FactBatch batch, TMessage message);
}
