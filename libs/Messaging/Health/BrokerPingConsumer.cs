using MassTransit;

namespace MicroInternships.Messaging.Health;

public sealed class BrokerPingConsumer : IConsumer<BrokerPing>
{
    public Task Consume(ConsumeContext<BrokerPing> context) => context.RespondAsync(new BrokerPong(context.Message.Id));
}
