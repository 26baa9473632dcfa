using MassTransit;
using MicroInternships.Insights.Data;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;

namespace MicroInternships.Insights.Consumers;

/// <summary>A consumer that copies one event into the read model: live or replayed alike, since it only builds state.</summary>
public abstract class FactConsumer<TMessage>(InsightsDbContext db, MessagingMetrics metrics, ILogger logger)
    : InboxConsumer<TMessage, InsightsDbContext>(db, metrics, logger)
    where TMessage : class
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<TMessage> context, CancellationToken cancellationToken) =>
        ApplyAsync(context.Message, cancellationToken);

    protected abstract Task ApplyAsync(TMessage message, CancellationToken cancellationToken);
}
