namespace MicroInternships.Insights.Domain;

/// <summary>An Institute event's title and start, which its registrations are counted by (from <c>EventCreated/Updated</c>).</summary>
public sealed class InstituteEventFact
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public string Title { get; set; } = "";

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset AppliedAt { get; set; }
}

/// <summary>A registration as its latest snapshot says; <see cref="Promoted"/> once it left the waitlist for a seat.</summary>
public sealed class RegistrationFact
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public Guid EventId { get; set; }

    public string AttendeeId { get; set; } = "";

    public string Audience { get; set; } = "";

    public string Status { get; set; } = "";

    public string Tier { get; set; } = "";

    public bool Promoted { get; set; }

    public DateTimeOffset AppliedAt { get; set; }
}

/// <summary>A partner's one-on-one slot; <see cref="Withdrawn"/> once the partner took it back.</summary>
public sealed class SlotFact
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public Guid EventId { get; set; }

    public Guid OrganizationId { get; set; }

    public bool Booked { get; set; }

    public bool Withdrawn { get; set; }

    public DateTimeOffset AppliedAt { get; set; }
}
