using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Json;

namespace MicroInternships.Events.Domain;

/// <summary>
/// A person's place at an event: <c>confirmed</c> or <c>waitlisted</c> (in arrival order), then <c>checked_in</c>
/// or <c>cancelled</c>. Tier and fee are fixed when it is created, also if it is promoted from the waitlist later.
/// </summary>
public sealed class Registration : ICreatedInOrder
{
    private Registration()
    {
    }

    public Guid Id { get; private set; }

    public Guid EventId { get; private set; }

    public string AttendeeId { get; private set; } = "";

    public string AttendeeName { get; private set; } = "";

    public Audience Audience { get; private set; }

    public RegistrationStatus Status { get; private set; }

    public Tier Tier { get; private set; }

    public long FeeCents { get; private set; }

    /// <summary>The arrival number while waitlisted; the position is how many of those still waiting came before, plus one.</summary>
    public long? WaitlistNumber { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public DateTimeOffset? CheckedInAt { get; private set; }

    public long Version { get; private set; }

    public bool HoldsSeat => Status is RegistrationStatus.Confirmed or RegistrationStatus.CheckedIn;

    public static RegistrationStatus[] ActiveStatuses { get; } = [RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted, RegistrationStatus.CheckedIn];

    public static Registration Create(
        Guid eventId, string attendeeId, string attendeeName, Audience audience, Tier tier, long feeCents, long? waitlistNumber, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        EventId = eventId,
        AttendeeId = attendeeId,
        AttendeeName = attendeeName,
        Audience = audience,
        Status = waitlistNumber is null ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted,
        Tier = tier,
        FeeCents = feeCents,
        WaitlistNumber = waitlistNumber,
        CreatedAt = now,
        Version = 1,
    };

    public void Promote()
    {
        Require(RegistrationStatus.Waitlisted, "promoted");
        WaitlistNumber = null;
        Move(RegistrationStatus.Confirmed);
    }

    public void Cancel(DateTimeOffset now)
    {
        if (Status == RegistrationStatus.CheckedIn)
        {
            throw DomainRuleException.Conflict("registration_checked_in", "A checked-in registration cannot be cancelled.");
        }

        if (Status == RegistrationStatus.Cancelled)
        {
            throw DomainRuleException.Conflict("registration_wrong_state", "The registration is already cancelled.");
        }

        WaitlistNumber = null;
        CancelledAt = now;
        Move(RegistrationStatus.Cancelled);
    }

    public void CheckIn(DateTimeOffset now)
    {
        Require(RegistrationStatus.Confirmed, "checked in");
        CheckedInAt = now;
        Move(RegistrationStatus.CheckedIn);
    }

    private void Require(RegistrationStatus expected, string action)
    {
        if (Status != expected)
        {
            throw DomainRuleException.Conflict("registration_wrong_state", $"A {WireName.Of(Status)} registration cannot be {action}.");
        }
    }

    private void Move(RegistrationStatus status)
    {
        Status = status;
        Version++;
    }
}
