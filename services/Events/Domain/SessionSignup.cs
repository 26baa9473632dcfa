using MicroInternships.ServiceDefaults.Api;

namespace MicroInternships.Events.Domain;

/// <summary>
/// A confirmed registrant's place in a session with a capacity: <c>signed_up -> withdrawn</c>, by them or because their
/// registration was cancelled. One signed-up place per person and session (a unique index).
/// </summary>
public sealed class SessionSignup : ICreatedInOrder
{
    private SessionSignup()
    {
    }

    public Guid Id { get; private set; }

    public Guid EventId { get; private set; }

    public Guid SessionId { get; private set; }

    public Guid RegistrationId { get; private set; }

    public string AttendeeId { get; private set; } = "";

    public SignupStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public long Version { get; private set; }

    public static SessionSignup Create(Guid eventId, Guid sessionId, Guid registrationId, string attendeeId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        EventId = eventId,
        SessionId = sessionId,
        RegistrationId = registrationId,
        AttendeeId = attendeeId,
        Status = SignupStatus.SignedUp,
        CreatedAt = now,
        Version = 1,
    };

    public void Withdraw(DateTimeOffset now)
    {
        (Status, WithdrawnAt) = (SignupStatus.Withdrawn, now);
        Version++;
    }
}
