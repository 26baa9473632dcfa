namespace MicroInternships.Contracts.Placements;

/// <summary>The student published, unpublished or edited their portfolio.</summary>
public sealed record PortfolioChanged(PortfolioSnapshot Portfolio, DateTimeOffset OccurredAt);
