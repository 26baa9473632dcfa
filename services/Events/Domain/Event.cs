using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Errors;

namespace MicroInternships.Events.Domain;

/// <summary>
/// An event people register for, like the yearly Winter Institute: its agenda, fees per audience and the three
/// registration instants. <see cref="ConfirmedCount"/> never exceeds <see cref="Capacity"/> (a check constraint);
/// registrations change it only with the event's row locked, so concurrent ones take the seats one at a time.
/// </summary>
public sealed class Event : ICreatedInOrder
{
    private readonly List<Session> _sessions = [];

    private Event()
    {
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    public string Venue { get; private set; } = "";

    /// <summary>IANA time zone id, e.g. <c>America/Los_Angeles</c>: how the event's times are shown and put in calendars.</summary>
    public string TimeZone { get; private set; } = "";

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public int Capacity { get; private set; }

    public DateTimeOffset RegistrationOpensAt { get; private set; }

    public DateTimeOffset EarlyBirdDeadline { get; private set; }

    public DateTimeOffset RegistrationClosesAt { get; private set; }

    /// <summary>Until when registrants may propose reflection talks; none: the call for proposals is not open.</summary>
    public DateTimeOffset? ProposalsCloseAt { get; private set; }

    public List<Fee> Fees { get; private set; } = [];

    public IReadOnlyCollection<Session> Sessions => _sessions;

    public int ConfirmedCount { get; private set; }

    /// <summary>The arrival number the last waitlisted registration got; the line is ordered by it.</summary>
    public long WaitlistSequence { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int SeatsLeft => Capacity - ConfirmedCount;

    public static Event Create(EventTerms terms, DateTimeOffset now)
    {
        var created = new Event { Id = Guid.CreateVersion7(now), CreatedAt = now, Version = 1 };
        created.Write(terms);
        return created;
    }

    public void Update(EventTerms terms)
    {
        if (terms.Capacity < ConfirmedCount)
        {
            throw DomainRuleException.Conflict("capacity_below_confirmed", $"{ConfirmedCount} registrations are confirmed; capacity cannot be lower.");
        }

        if (_sessions.FirstOrDefault(s => s.StartsAt < terms.StartsAt || s.EndsAt > terms.EndsAt) is { } outside)
        {
            throw ValidationException.For("startsAt", $"The session '{outside.Title}' would lie outside the event.");
        }

        Write(terms);
        Version++;
    }

    public Session AddSession(
        string title, SessionKind kind, DateTimeOffset startsAt, DateTimeOffset endsAt, string? room, IReadOnlyList<Presenter> presenters, int? capacity,
        Guid? proposalId = null)
    {
        var session = Session.Create(Id, title, kind, startsAt, endsAt, room, presenters, capacity, proposalId);
        _sessions.Add(session);
        Version++;
        return session;
    }

    /// <summary>409 unless registration is open at <paramref name="now"/> (both instants included).</summary>
    public void EnsureRegistrationOpen(DateTimeOffset now)
    {
        if (now < RegistrationOpensAt)
        {
            throw DomainRuleException.Conflict("registration_not_open", $"Registration opens at {RegistrationOpensAt:O}.");
        }

        if (now > RegistrationClosesAt)
        {
            throw DomainRuleException.Conflict("registration_closed", $"Registration closed at {RegistrationClosesAt:O}.");
        }
    }

    /// <summary>409 unless the call for proposals is open at <paramref name="now"/>.</summary>
    public void EnsureProposalsOpen(DateTimeOffset now)
    {
        if (ProposalsCloseAt is not { } closes)
        {
            throw DomainRuleException.Conflict("proposals_not_open", "This event has no call for proposals.");
        }

        if (now > closes)
        {
            throw DomainRuleException.Conflict("proposals_closed", $"Proposals closed at {closes:O}.");
        }
    }

    public Tier TierAt(DateTimeOffset now) => now <= EarlyBirdDeadline ? Tier.EarlyBird : Tier.Regular;

    public bool HasStarted(DateTimeOffset now) => now >= StartsAt;

    /// <summary>Takes a seat if one is left; the caller holds the event's row lock.</summary>
    public bool TryTakeSeat()
    {
        if (ConfirmedCount >= Capacity)
        {
            return false;
        }

        ConfirmedCount++;
        return true;
    }

    public void ReleaseSeat() => ConfirmedCount--;

    public long NextWaitlistNumber() => ++WaitlistSequence;

    private void Write(EventTerms terms)
    {
        Title = terms.Title;
        Venue = terms.Venue;
        TimeZone = terms.TimeZone;
        StartsAt = terms.StartsAt;
        EndsAt = terms.EndsAt;
        Capacity = terms.Capacity;
        RegistrationOpensAt = terms.RegistrationOpensAt;
        EarlyBirdDeadline = terms.EarlyBirdDeadline;
        RegistrationClosesAt = terms.RegistrationClosesAt;
        Fees = [.. terms.Fees];
        ProposalsCloseAt = terms.ProposalsCloseAt;
    }
}
