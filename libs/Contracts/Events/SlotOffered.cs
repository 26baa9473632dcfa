namespace MicroInternships.Contracts.Events;

/// <summary>A partner offered a slot of its time at the event.</summary>
public sealed record SlotOffered(SlotSnapshot Slot, DateTimeOffset OccurredAt);
