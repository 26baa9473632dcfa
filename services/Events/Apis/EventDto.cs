using MicroInternships.Events.Domain;
using MicroInternships.ServiceDefaults.Api;

namespace MicroInternships.Events.Apis;

/// <summary>An agenda item; <see cref="Capacity"/> and <see cref="PlacesLeft"/> are null for a session open to everyone at the event.</summary>
public sealed record SessionDto(
    Guid Id, string Title, SessionKind Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Room, IReadOnlyList<Presenter> Presenters,
    int? Capacity, int? PlacesLeft, Guid? ProposalId);

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
    DateTimeOffset CreatedAt,
    DateTimeOffset? ProposalsCloseAt) : ICreatedInOrder, IVersioned;

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
        e.Sessions.OrderBy(s => s.StartsAt).Select(ToDto).ToList(),
        e.Version,
        e.CreatedAt,
        e.ProposalsCloseAt);

    public static SessionDto ToDto(this Session s) =>
        new(s.Id, s.Title, s.Kind, s.StartsAt, s.EndsAt, s.Room, s.Presenters, s.Capacity, s.PlacesLeft, s.ProposalId);
}
