namespace MicroInternships.Insights.Domain;

/// <summary>A payout as its latest snapshot says, with the moment it opened (the placement's approval or final settlement).</summary>
public sealed class PayoutFact
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public Guid PlacementId { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid? FundId { get; set; }

    public string StudentId { get; set; } = "";

    public string Status { get; set; } = "";

    public long AmountCents { get; set; }

    public DateTimeOffset? OpenedAt { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public DateTimeOffset AppliedAt { get; set; }
}

/// <summary>A fund's money as its latest <c>FundChanged</c> says.</summary>
public sealed class FundFact
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public string Name { get; set; } = "";

    public string Currency { get; set; } = "";

    public long BudgetCents { get; set; }

    public long ReservedCents { get; set; }

    public long SpentCents { get; set; }

    public long AvailableCents { get; set; }

    public DateTimeOffset AppliedAt { get; set; }
}
