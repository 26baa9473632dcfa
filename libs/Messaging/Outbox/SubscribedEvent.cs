namespace MicroInternships.Messaging.Outbox;

/// <summary>
/// An event type other services subscribe to, registered by its publisher (<see cref="MessagingExtensions.AddSubscribedEvents"/>):
/// the relay publishes it as mandatory, so RabbitMQ returns it while no subscriber's queue is bound instead of dropping it,
/// and the row is retried like any failed publish until one is.
/// </summary>
internal sealed record SubscribedEvent(Type Type);
