namespace MicroInternships.Insights.Domain;

/// <summary>
/// What one request's figures cover: the period as instants (<see cref="From"/> included, <see cref="To"/> excluded) and
/// as program days, the dimensions asked for, and what the caller may see: a faculty member only their
/// <see cref="Courses"/>, and anyone but a coordinator no figure of fewer than five students (<see cref="SeesSmallCounts"/>).
/// </summary>
public sealed record InsightsScope(
    DateTimeOffset? From,
    DateTimeOffset? To,
    DateOnly? FromDay,
    DateOnly? ToDay,
    string? Term,
    string? Department,
    string? Discipline,
    Guid? OrganizationId,
    Guid? CourseId,
    Guid? FundId,
    Guid[]? Courses,
    bool SeesSmallCounts)
{
    /// <summary>Whether the figures are the whole program's, which registrations and funds are only counted for.</summary>
    public bool IsProgramWide => Department is null && Discipline is null && OrganizationId is null && CourseId is null && FundId is null && Courses is null;
}
