namespace MicroInternships.Contracts.Payments;

/// <summary>
/// A fund's money after the change an event reports: <c>reserved + spent &lt;= budget</c>, and
/// <see cref="AvailableCents"/> is what is left. <see cref="Version"/> grows with every movement.
/// </summary>
public sealed record FundSnapshot(
    Guid FundId,
    long Version,
    string Name,
    string Currency,
    long BudgetCents,
    long ReservedCents,
    long SpentCents,
    long AvailableCents);
