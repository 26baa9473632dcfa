using MassTransit;

namespace MicroInternships.Messaging.Inbox;

public static class InboxRegistrationExtensions
{
    /// <summary>Registers an <see cref="InboxConsumer{TMessage, TContext}"/> with the batching it is built for.</summary>
    public static IConsumerRegistrationConfigurator<TConsumer> AddInboxConsumer<TConsumer>(this IBusRegistrationConfigurator bus)
        where TConsumer : class, IConsumer =>
        bus.AddConsumer<TConsumer, InboxConsumerDefinition<TConsumer>>();
}
