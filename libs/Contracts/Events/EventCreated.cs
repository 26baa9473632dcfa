namespace MicroInternships.Contracts.Events;

/// <summary>A coordinator created an event people can register for.</summary>
public sealed record EventCreated(EventSnapshot Event, DateTimeOffset OccurredAt);
