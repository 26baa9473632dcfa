namespace MicroInternships.Payments.Domain;

/// <summary>A top-up (positive) or reduction (negative) of a fund's budget, with who made it and why.</summary>
public sealed class FundAdjustment
{
    private FundAdjustment()
    {
    }

    public Guid Id { get; private set; }

    public Guid FundId { get; private set; }

    public long AmountCents { get; private set; }

    public string Reason { get; private set; } = "";

    public string AdjustedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public static FundAdjustment Record(Guid fundId, long amountCents, string reason, string adjustedBy, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), FundId = fundId, AmountCents = amountCents, Reason = reason, AdjustedBy = adjustedBy, CreatedAt = now };
}
