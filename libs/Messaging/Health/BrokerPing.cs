namespace MicroInternships.Messaging.Health;

/// <summary>A request a service sends to its own queue through the broker to prove messages flow.</summary>
public sealed record BrokerPing(Guid Id, DateTimeOffset SentAt);

public sealed record BrokerPong(Guid Id);
