namespace MicroInternships.Events.Domain;

/// <summary>An event's fields as a coordinator writes them, already validated.</summary>
public sealed record EventTerms(
    string Title,
    string Venue,
    string TimeZone,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int Capacity,
    DateTimeOffset RegistrationOpensAt,
    DateTimeOffset EarlyBirdDeadline,
    DateTimeOffset RegistrationClosesAt,
    IReadOnlyList<Fee> Fees,
    DateTimeOffset? ProposalsCloseAt = null);
