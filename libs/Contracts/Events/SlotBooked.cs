namespace MicroInternships.Contracts.Events;

/// <summary>A confirmed student or faculty registrant booked the slot.</summary>
public sealed record SlotBooked(SlotSnapshot Slot, DateTimeOffset OccurredAt);
