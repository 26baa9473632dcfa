namespace MicroInternships.Contracts.Events;

/// <summary>A coordinator checked a confirmed registrant in at the door.</summary>
public sealed record RegistrationCheckedIn(RegistrationSnapshot Registration, DateTimeOffset OccurredAt);
