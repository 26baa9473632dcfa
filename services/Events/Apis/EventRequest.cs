using MicroInternships.Events.Domain;
using MicroInternships.ServiceDefaults.Errors;

namespace MicroInternships.Events.Apis;

public sealed record FeeRequest(Audience? Audience, long? EarlyBirdCents, long? RegularCents);

/// <summary>The body of <c>POST</c> and <c>PUT /api/events</c>: the whole event but its sessions.</summary>
public sealed record EventRequest(
    string? Title,
    string? Venue,
    string? TimeZone,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    int? Capacity,
    DateTimeOffset? RegistrationOpensAt,
    DateTimeOffset? EarlyBirdDeadline,
    DateTimeOffset? RegistrationClosesAt,
    IReadOnlyList<FeeRequest>? Fees)
{
    private const long MaxFeeCents = 10_000_000;

    public EventTerms ToTerms()
    {
        var errors = new FieldErrors()
            .Length("title", Title, 3, 160)
            .Length("venue", Venue, 1, 200)
            .When(TimeZone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _) || !TimeZoneInfo.TryConvertIanaIdToWindowsId(TimeZone, out _),
                "timeZone", "timeZone must be an IANA time zone id, e.g. America/Los_Angeles.")
            .When(Capacity is not (>= 1 and <= 10_000), "capacity", "capacity must be 1 to 10000.")
            .When(StartsAt is null, "startsAt", "startsAt is required.")
            .When(EndsAt is null, "endsAt", "endsAt is required.")
            .When(RegistrationOpensAt is null, "registrationOpensAt", "registrationOpensAt is required.")
            .When(EarlyBirdDeadline is null, "earlyBirdDeadline", "earlyBirdDeadline is required.")
            .When(RegistrationClosesAt is null, "registrationClosesAt", "registrationClosesAt is required.")
            .When(EndsAt <= StartsAt, "endsAt", "endsAt must be after startsAt.")
            .When(EarlyBirdDeadline <= RegistrationOpensAt, "earlyBirdDeadline", "earlyBirdDeadline must be after registrationOpensAt.")
            .When(RegistrationClosesAt < EarlyBirdDeadline, "registrationClosesAt", "registrationClosesAt cannot be before earlyBirdDeadline.")
            .When(StartsAt < RegistrationClosesAt, "registrationClosesAt", "registrationClosesAt cannot be after startsAt.");

        var fees = Fees ?? [];
        errors
            .When(fees.Count > 4, "fees", "fees holds at most one entry per audience.")
            .When(fees.Any(f => f is null || f.Audience is null), "fees", "Each fee names its audience: student, faculty, partner or staff.")
            .When(fees.Where(f => f?.Audience is not null).GroupBy(f => f.Audience).Any(g => g.Count() > 1), "fees", "An audience has at most one fee.")
            .When(fees.Any(f => f?.EarlyBirdCents is not (>= 0 and <= MaxFeeCents) || f.RegularCents is not (>= 0 and <= MaxFeeCents)), "fees",
                "Each fee gives earlyBirdCents and regularCents, 0 or more (integer cents).")
            .ThrowIfAny();

        return new EventTerms(
            Title!.Trim(), Venue!.Trim(), TimeZone!, Stored(StartsAt), Stored(EndsAt), Capacity!.Value, Stored(RegistrationOpensAt), Stored(EarlyBirdDeadline),
            Stored(RegistrationClosesAt), fees.Select(f => new Fee(f.Audience!.Value, f.EarlyBirdCents!.Value, f.RegularCents!.Value)).ToList());
    }

    /// <summary>
    /// An instant as PostgreSQL keeps it (microseconds), so the deadline the caller is shown is the one enforced,
    /// to the last tick.
    /// </summary>
    public static DateTimeOffset Stored(DateTimeOffset? instant) => new(instant!.Value.UtcTicks - instant.Value.UtcTicks % 10, TimeSpan.Zero);
}

/// <summary>The body of <c>POST /api/events/{id}/sessions</c>.</summary>
public sealed record SessionRequest(string? Title, SessionKind? Kind, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Room)
{
    public void Validate(Event within) => new FieldErrors()
        .Length("title", Title, 1, 160)
        .Length("room", Room, 1, 120, required: false)
        .When(Kind is null, "kind", "kind is required: presentation, working_session, reflections or one_on_one.")
        .When(StartsAt is null || StartsAt < within.StartsAt, "startsAt", "startsAt must lie inside the event.")
        .When(EndsAt is null || EndsAt > within.EndsAt, "endsAt", "endsAt must lie inside the event.")
        .When(EndsAt <= StartsAt, "endsAt", "endsAt must be after startsAt.")
        .ThrowIfAny();
}
