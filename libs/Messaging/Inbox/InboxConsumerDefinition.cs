using MassTransit;
using Microsoft.Extensions.Options;

namespace MicroInternships.Messaging.Inbox;

/// <summary>Batch size, wait and concurrency of an <see cref="InboxConsumer{TMessage, TContext}"/>, from <see cref="MessagingOptions"/>.</summary>
public sealed class InboxConsumerDefinition<TConsumer>(IOptions<MessagingOptions> options) : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        var messaging = options.Value;
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(messaging.InboxBatchSize)
            .SetTimeLimit(messaging.InboxBatchTimeLimit)
            .SetConcurrencyLimit(messaging.InboxBatchConcurrency));
    }
}
