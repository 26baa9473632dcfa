namespace MicroInternships.Contracts.Events;

/// <summary>
/// An event as it stands after the change an event reports: its terms, fees and agenda. Seats taken are the
/// registrations' news, not the event's, so they are not in it. <see cref="ProposalsCloseAt"/> is null while the
/// event has no call for talk proposals. <see cref="Version"/> grows with every change.
/// </summary>
public sealed record EventSnapshot(
    Guid EventId,
    long Version,
    string Title,
    string Venue,
    string TimeZone,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int Capacity,
    DateTimeOffset RegistrationOpensAt,
    DateTimeOffset EarlyBirdDeadline,
    DateTimeOffset RegistrationClosesAt,
    IReadOnlyList<EventFeeSnapshot> Fees,
    IReadOnlyList<EventSessionSnapshot> Sessions,
    DateTimeOffset? ProposalsCloseAt = null);
