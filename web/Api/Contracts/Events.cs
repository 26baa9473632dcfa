namespace MicroInternships.Web.Api.Contracts;

/// <summary>What one audience pays before and after the early-bird deadline.</summary>
public sealed record Fee(string Audience, long EarlyBirdCents, long RegularCents);

public sealed record Session(Guid Id, string Title, string Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Room);

/// <summary>An event with its fees and agenda (sessions by start time).</summary>
public sealed record Event(
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
    IReadOnlyList<Session> Sessions,
    long Version,
    DateTimeOffset CreatedAt);

/// <summary>Body of POST /api/events and PUT /api/events/{id}: the whole event but its sessions.</summary>
public sealed record EventRequest(
    string Title,
    string Venue,
    string TimeZone,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int Capacity,
    DateTimeOffset RegistrationOpensAt,
    DateTimeOffset EarlyBirdDeadline,
    DateTimeOffset RegistrationClosesAt,
    IReadOnlyList<Fee>? Fees);

/// <summary>Body of POST /api/events/{id}/sessions.</summary>
public sealed record SessionRequest(string Title, string Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Room);

/// <summary>A registration; <c>WaitlistPosition</c> is set only while waitlisted (and not in cancel or check-in responses).</summary>
public sealed record Registration(
    Guid Id,
    Guid EventId,
    string AttendeeId,
    string AttendeeName,
    string Audience,
    string Status,
    string Tier,
    long FeeCents,
    int? WaitlistPosition,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CancelledAt,
    DateTimeOffset? CheckedInAt,
    long Version);

/// <summary>Body of POST /api/events/{eventId}/registrations; the body itself is optional.</summary>
public sealed record RegisterRequest(string? Audience);

/// <summary>A one-on-one slot; <c>BookedBy</c>/<c>BookedByName</c> are null unless the caller is its partner, its booker or a coordinator.</summary>
public sealed record Slot(
    Guid Id,
    Guid EventId,
    string PartnerId,
    string PartnerName,
    Guid OrganizationId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    bool Booked,
    string? BookedBy,
    string? BookedByName);

/// <summary>Body of POST /api/events/{eventId}/slots (15 to 60 minutes inside the event).</summary>
public sealed record SlotRequest(DateTimeOffset StartsAt, DateTimeOffset EndsAt);
