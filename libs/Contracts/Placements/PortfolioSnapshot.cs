namespace MicroInternships.Contracts.Placements;

/// <summary>A student's public portfolio after a change: its address and whether it is published, never its headline.</summary>
public sealed record PortfolioSnapshot(string StudentId, long Version, string Slug, bool Published);
