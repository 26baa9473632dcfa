namespace MicroInternships.Contracts.Events;

/// <summary>The partner withdrew an unbooked slot; it is gone.</summary>
public sealed record SlotWithdrawn(SlotSnapshot Slot, DateTimeOffset OccurredAt);
