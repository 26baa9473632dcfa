namespace MicroInternships.Contracts.Events;

/// <summary>A confirmed registrant took one of a session's places.</summary>
public sealed record SessionSignedUp(SessionSignupSnapshot Signup, DateTimeOffset OccurredAt);

/// <summary>The registrant gave their place back, or their registration was cancelled and released it.</summary>
public sealed record SessionSignupWithdrawn(SessionSignupSnapshot Signup, DateTimeOffset OccurredAt);
