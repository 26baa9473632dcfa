using System.Text.Json.Serialization;
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
    private readonly DateTimeOffset? _proposalsCloseAt;

    /// <summary>
    /// Until when registrants propose reflection talks (before the event starts); null: no call for proposals. A
    /// <c>PUT</c> that leaves it out keeps the event's, so a client that does not know it cannot close a call.
    /// </summary>
    public DateTimeOffset? ProposalsCloseAt
    {
        get => _proposalsCloseAt;
        init => (_proposalsCloseAt, ProposalsCloseAtGiven) = (value, true);
    }

    /// <summary>Whether the body named <see cref="ProposalsCloseAt"/>, null included.</summary>
    [JsonIgnore]
    public bool ProposalsCloseAtGiven { get; private init; }

    private const long MaxFeeCents = 10_000_000;

    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public EventTerms ToTerms()
    {
        // Validate the instants as they will be stored, so no rule passes here and fails in PostgreSQL.
        var (startsAt, endsAt, opensAt, earlyBird, closesAt) =
            (Stored(StartsAt), Stored(EndsAt), Stored(RegistrationOpensAt), Stored(EarlyBirdDeadline), Stored(RegistrationClosesAt));
        var proposalsClose = Stored(ProposalsCloseAt);
        var errors = new FieldErrors()
            .Length("title", Title, 3, 160)
            .Length("venue", Venue, 1, 200)
            .When(TimeZone is null || !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _) || !TimeZoneInfo.TryConvertIanaIdToWindowsId(TimeZone, out _),
                "timeZone", "timeZone must be an IANA time zone id, e.g. America/Los_Angeles.")
            .When(Capacity is not (>= 1 and <= 10_000), "capacity", "capacity must be 1 to 10000.")
            .When(!InRange(startsAt), "startsAt", "startsAt is required, between 2000 and 2100.")
            .When(!InRange(endsAt), "endsAt", "endsAt is required, between 2000 and 2100.")
            .When(!InRange(opensAt), "registrationOpensAt", "registrationOpensAt is required, between 2000 and 2100.")
            .When(!InRange(earlyBird), "earlyBirdDeadline", "earlyBirdDeadline is required, between 2000 and 2100.")
            .When(!InRange(closesAt), "registrationClosesAt", "registrationClosesAt is required, between 2000 and 2100.")
            .When(endsAt <= startsAt, "endsAt", "endsAt must be after startsAt.")
            .When(earlyBird <= opensAt, "earlyBirdDeadline", "earlyBirdDeadline must be after registrationOpensAt.")
            .When(closesAt < earlyBird, "registrationClosesAt", "registrationClosesAt cannot be before earlyBirdDeadline.")
            .When(startsAt < closesAt, "registrationClosesAt", "registrationClosesAt cannot be after startsAt.")
            .When(proposalsClose is not null && (!InRange(proposalsClose) || proposalsClose > startsAt), "proposalsCloseAt",
                "proposalsCloseAt, when given, is before the event starts.");

        var fees = Fees ?? [];
        errors
            .When(fees.Count > 4, "fees", "fees holds at most one entry per audience.")
            .When(fees.Any(f => f is null || f.Audience is null), "fees", "Each fee names its audience: student, faculty, partner or staff.")
            .When(fees.Where(f => f?.Audience is not null).GroupBy(f => f.Audience).Any(g => g.Count() > 1), "fees", "An audience has at most one fee.")
            .When(fees.Any(f => f?.EarlyBirdCents is not (>= 0 and <= MaxFeeCents) || f.RegularCents is not (>= 0 and <= MaxFeeCents)), "fees",
                "Each fee gives earlyBirdCents and regularCents, 0 or more (integer cents).")
            .ThrowIfAny();

        return new EventTerms(
            Title!.Trim(), Venue!.Trim(), TimeZone!, startsAt!.Value, endsAt!.Value, Capacity!.Value, opensAt!.Value, earlyBird!.Value,
            closesAt!.Value, fees.Select(f => new Fee(f.Audience!.Value, f.EarlyBirdCents!.Value, f.RegularCents!.Value)).ToList(), proposalsClose);
    }

    /// <summary>
    /// An instant as PostgreSQL keeps it (microseconds), so the deadline the caller is shown is the one enforced,
    /// to the last tick.
    /// </summary>
    public static DateTimeOffset? Stored(DateTimeOffset? instant) =>
        instant is { } value ? new DateTimeOffset(value.UtcTicks - value.UtcTicks % 10, TimeSpan.Zero) : null;

    public static bool InRange(DateTimeOffset? instant) => instant >= Earliest && instant < Latest;
}

public sealed record PresenterRequest(string? Name, Audience? Role);

/// <summary>The body of <c>POST /api/events/{id}/sessions</c>; without a capacity the session is open to everyone at the event.</summary>
public sealed record SessionRequest(string? Title, SessionKind? Kind, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, string? Room)
{
    /// <summary>Who presents it (at most eight); none is fine.</summary>
    public IReadOnlyList<PresenterRequest>? Presenters { get; init; }

    /// <summary>Places for confirmed registrants to sign up for; none: open to everyone at the event.</summary>
    public int? Capacity { get; init; }

    /// <returns>The session's instants as they will be stored.</returns>
    public (DateTimeOffset StartsAt, DateTimeOffset EndsAt) Validate(Event within)
    {
        var errors = new FieldErrors()
            .Length("title", Title, 1, 160)
            .When(Kind is null, "kind", "kind is required: presentation, working_session, reflections, one_on_one or reflection_talk.");
        var instants = SessionTimes.Validate(errors, StartsAt, EndsAt, Room, within);
        Validated(errors, Presenters, Capacity).ThrowIfAny();
        return instants;
    }

    public IReadOnlyList<Presenter> ToPresenters() => [.. (Presenters ?? []).Select(p => new Presenter(p.Name!.Trim(), p.Role!.Value))];

    public static FieldErrors Validated(FieldErrors errors, IReadOnlyList<PresenterRequest>? presenters, int? capacity) => errors
        .When(presenters is { Count: > Session.MaxPresenters }, "presenters", $"A session has at most {Session.MaxPresenters} presenters.")
        .When(presenters?.Any(p => p is null || p.Role is null || p.Name is not { Length: > 0 } name || name.Trim().Length is 0 or > 200 || name.Contains('\0')) == true,
            "presenters", "Each presenter has a name (up to 200 characters) and a role: student, faculty, partner or staff.")
        .When(capacity is not null and not (>= 1 and <= 10_000), "capacity", "capacity, when given, is 1 to 10000.");
}

/// <summary>A session's times and room, inside its event, as every way of adding one checks them.</summary>
public static class SessionTimes
{
    public static (DateTimeOffset StartsAt, DateTimeOffset EndsAt) Validate(FieldErrors errors, DateTimeOffset? startsAtAsked, DateTimeOffset? endsAtAsked, string? room, Event within)
    {
        var (startsAt, endsAt) = (EventRequest.Stored(startsAtAsked), EventRequest.Stored(endsAtAsked));
        errors
            .Length("room", room, 1, 120, required: false)
            .When(startsAt is null || startsAt < within.StartsAt, "startsAt", "startsAt must lie inside the event.")
            .When(endsAt is null || endsAt > within.EndsAt, "endsAt", "endsAt must lie inside the event.")
            .When(endsAt <= startsAt, "endsAt", "endsAt must be after startsAt.");
        return (startsAt ?? default, endsAt ?? default);
    }
}
