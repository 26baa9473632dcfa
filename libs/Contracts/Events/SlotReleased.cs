namespace MicroInternships.Contracts.Events;

/// <summary>The slot is free again: the booker or the partner cancelled the booking, or the booker's registration was cancelled.</summary>
public sealed record SlotReleased(SlotSnapshot Slot, DateTimeOffset OccurredAt);
