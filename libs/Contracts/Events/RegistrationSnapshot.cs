namespace MicroInternships.Contracts.Events;

/// <summary>
/// A registration as it stands after the change an event reports. <see cref="Status"/>, <see cref="Tier"/> and
/// the audience are wire values (<c>waitlisted</c>, <c>early_bird</c>); <see cref="WaitlistPosition"/> is set while waitlisted.
/// </summary>
public sealed record RegistrationSnapshot(
    Guid RegistrationId,
    long Version,
    Guid EventId,
    string AttendeeId,
    string Audience,
    string Status,
    string Tier,
    long FeeCents,
    int? WaitlistPosition);
