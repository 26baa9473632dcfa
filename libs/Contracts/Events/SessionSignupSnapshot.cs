namespace MicroInternships.Contracts.Events;

/// <summary>A registrant's place in a session with a capacity. <see cref="Status"/> is <c>signed_up</c> or <c>withdrawn</c>.</summary>
public sealed record SessionSignupSnapshot(Guid SignupId, long Version, Guid EventId, Guid SessionId, Guid RegistrationId, string AttendeeId, string Status);
