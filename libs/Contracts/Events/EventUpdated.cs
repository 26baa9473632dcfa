namespace MicroInternships.Contracts.Events;

/// <summary>A coordinator replaced the event's terms, or added a session to its agenda.</summary>
public sealed record EventUpdated(EventSnapshot Event, DateTimeOffset OccurredAt);
