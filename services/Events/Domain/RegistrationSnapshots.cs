using MicroInternships.Contracts.Events;
using MicroInternships.ServiceDefaults.Json;

namespace MicroInternships.Events.Domain;

public static class RegistrationSnapshots
{
    public static RegistrationSnapshot ToSnapshot(this Registration registration, int? waitlistPosition) => new(
        registration.Id,
        registration.Version,
        registration.EventId,
        registration.AttendeeId,
        WireName.Of(registration.Audience),
        WireName.Of(registration.Status),
        WireName.Of(registration.Tier),
        registration.FeeCents,
        waitlistPosition);
}
