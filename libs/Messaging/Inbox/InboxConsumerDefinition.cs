using MassTransit;
using Microsoft.Extensions.Options;

namespace MicroInternships.Messaging.Inbox;

/// <summary>
/// Lets an <see cref="InboxConsumer{TMessage, TContext}"/>'s endpoint hold enough deliveries at once for its batches:
/// the ones being applied (<see cref="MessagingOptions.InboxBatchConcurrency"/> of <see cref="MessagingOptions.InboxBatchSize"/>)
/// and a full batch more gathering behind them.
/// </summary>
public sealed class InboxConsumerDefinition<TConsumer>(IOptions<MessagingOptions> options) : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        var (size, concurrency) = InboxBatchAttribute.Of(typeof(TConsumer), options.Value);
        var capacity = size * (concurrency + 1);
        endpointConfigurator.PrefetchCount = Math.Max(endpointConfigurator.PrefetchCount, capacity);
        endpointConfigurator.ConcurrentMessageLimit = Math.Max(endpointConfigurator.ConcurrentMessageLimit ?? 0, capacity);
    }
}
