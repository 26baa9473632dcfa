using MicroInternships.Events.Domain;
using MicroInternships.ServiceDefaults.Api;

namespace MicroInternships.Events.Apis;

public sealed record SessionDto(Guid Id, string Title, SessionKind Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Room);

public sealed record EventDto(
    Guid Id,
    string Title,
    string Venue,
    string TimeZone,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int Capacity,
    int ConfirmedCount,
    int SeatsLeft,
    DateTimeOffset RegistrationOpensAt,
    DateTimeOffset EarlyBirdDeadline,
    DateTimeOffset RegistrationClosesAt,
    IReadOnlyList<Fee> Fees,
    IReadOnlyList<SessionDto> Sessions,
    long Version,
    DateTimeOffset CreatedAt) : ICreatedInOrder, IVersioned;

public static class EventMapping
{
    /// <summary>Needs the event's sessions loaded.</summary>
    public static EventDto ToDto(this Event e) => new(
        e.Id,
        e.Title,
        e.Venue,
        e.TimeZone,
        e.StartsAt,
        e.EndsAt,
        e.Capacity,
        e.ConfirmedCount,
        e.SeatsLeft,
        e.RegistrationOpensAt,
        e.EarlyBirdDeadline,
        e.RegistrationClosesAt,
        e.Fees,
        e.Sessions.OrderBy(s => s.StartsAt).Select(s => new SessionDto(s.Id, s.Title, s.Kind, s.StartsAt, s.EndsAt, s.Room)).ToList(),
        e.Version,
        e.CreatedAt);
}
