namespace MicroInternships.Events.Domain;

/// <summary>What one audience pays, before and after the early-bird deadline (invoiced outside the system).</summary>
public sealed record Fee(Audience Audience, long EarlyBirdCents, long RegularCents)
{
    public long For(Tier tier) => tier == Tier.EarlyBird ? EarlyBirdCents : RegularCents;
}
