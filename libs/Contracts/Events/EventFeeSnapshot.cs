namespace MicroInternships.Contracts.Events;

/// <summary>What one audience (<c>student</c>, <c>faculty</c>, <c>partner</c>) pays to register, early and after the early-bird deadline.</summary>
public sealed record EventFeeSnapshot(string Audience, long EarlyBirdCents, long RegularCents);
