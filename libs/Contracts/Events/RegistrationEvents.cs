namespace MicroInternships.Contracts.Events;

/// <summary>A registration took one of the event's seats.</summary>
public sealed record RegistrationConfirmed(RegistrationSnapshot Registration, DateTimeOffset OccurredAt);

/// <summary>The event was full: the registration waits in line at <see cref="RegistrationSnapshot.WaitlistPosition"/>.</summary>
public sealed record RegistrationWaitlisted(RegistrationSnapshot Registration, DateTimeOffset OccurredAt);

/// <summary>A seat came free (a cancellation, more capacity) and the first in line took it.</summary>
public sealed record RegistrationPromoted(RegistrationSnapshot Registration, DateTimeOffset OccurredAt);

/// <summary>The registrant or a coordinator cancelled the registration.</summary>
public sealed record RegistrationCancelled(RegistrationSnapshot Registration, DateTimeOffset OccurredAt);
