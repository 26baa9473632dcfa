using MicroInternships.Events.Domain;
using MicroInternships.ServiceDefaults.Api;

namespace MicroInternships.Events.Apis;

public sealed record RegistrationDto(
    Guid Id,
    Guid EventId,
    string AttendeeId,
    string AttendeeName,
    Audience Audience,
    RegistrationStatus Status,
    Tier Tier,
    long FeeCents,
    int? WaitlistPosition,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CancelledAt,
    DateTimeOffset? CheckedInAt,
    long Version) : ICreatedInOrder, IVersioned;

public static class RegistrationMapping
{
    public static RegistrationDto ToDto(this Registration r, int? waitlistPosition) => new(
        r.Id, r.EventId, r.AttendeeId, r.AttendeeName, r.Audience, r.Status, r.Tier, r.FeeCents,
        r.Status == RegistrationStatus.Waitlisted ? waitlistPosition : null, r.CreatedAt, r.CancelledAt, r.CheckedInAt, r.Version);
}
