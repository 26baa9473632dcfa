using MassTransit;
using MicroInternships.Contracts.Replay;
using MicroInternships.Messaging.Inbox;
using Microsoft.Extensions.DependencyInjection;

namespace MicroInternships.Messaging.Replay;

/// <summary>A consumer that also applies replays, on the service's replay queue.</summary>
public sealed record ReplayingConsumer(Type ConsumerType)
{
    /// <summary>The events it consumes, whose history the service asks for (<see cref="HistoryBootstrap{TContext}"/>).</summary>
    public IEnumerable<Type> MessageTypes => ConsumerType.GetInterfaces()
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
        .Select(i => i.GetGenericArguments()[0]);

    /// <summary>Whether it takes a history in pages (<see cref="ReplayedPage"/>) rather than its events one by one.</summary>
    public bool TakesPages => MessageTypes.Contains(typeof(ReplayedPage));
}

public static class ReplayRegistrationExtensions
{
    /// <summary>
    /// An inbox consumer that also sits on the service's replay queue (<see cref="ReplayExchange"/>), so it learns the
    /// history its publishers re-send. Only for a consumer that builds state and says so (<c>AppliesReplayedEvents</c>).
    /// </summary>
    public static IConsumerRegistrationConfigurator<TConsumer> AddReplayingInboxConsumer<TConsumer>(this IBusRegistrationConfigurator bus)
        where TConsumer : class, IConsumer
    {
        bus.AddSingleton(new ReplayingConsumer(typeof(TConsumer)));
        return bus.AddInboxConsumer<TConsumer>();
    }
}
