namespace MicroInternships.Contracts.Events;

/// <summary>
/// A partner's one-on-one slot as it stands after the change an event reports; <see cref="BookedBy"/> and
/// <see cref="BookedRegistrationId"/> are set while it is booked. <see cref="Version"/> grows with every change.
/// </summary>
public sealed record SlotSnapshot(
    Guid SlotId,
    long Version,
    Guid EventId,
    string PartnerId,
    Guid OrganizationId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? BookedBy,
    Guid? BookedRegistrationId);
