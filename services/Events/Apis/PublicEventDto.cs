using MicroInternships.Events.Domain;

namespace MicroInternships.Events.Apis;

/// <summary>An event as visitors who are not signed in see it: its dates, deadlines, fees and agenda; nothing of who registered.</summary>
public sealed record PublicEventDto(
    Guid Id,
    string Title,
    string Venue,
    string TimeZone,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset RegistrationOpensAt,
    DateTimeOffset EarlyBirdDeadline,
    DateTimeOffset RegistrationClosesAt,
    IReadOnlyList<Fee> Fees,
    IReadOnlyList<SessionDto> Sessions)
{
    /// <summary>Needs the event's sessions loaded.</summary>
    public static PublicEventDto Of(Event e) => new(
        e.Id,
        e.Title,
        e.Venue,
        e.TimeZone,
        e.StartsAt,
        e.EndsAt,
        e.RegistrationOpensAt,
        e.EarlyBirdDeadline,
        e.RegistrationClosesAt,
        e.Fees,
        e.Sessions.OrderBy(s => s.StartsAt).Select(s => s.ToDto()).ToList());
}
