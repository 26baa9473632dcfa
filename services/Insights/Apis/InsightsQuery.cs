namespace MicroInternships.Insights.Apis;

/// <summary>
/// The filters every figure takes: a period (a program term, and/or <c>from</c>/<c>to</c> days in the program's time zone,
/// both included) and the dimensions: a course's department, a listing's discipline, an organization, a course, a fund.
/// </summary>
public sealed record InsightsQuery(
    string? Term,
    string? From,
    string? To,
    string? Department,
    string? Discipline,
    Guid? OrganizationId,
    Guid? CourseId,
    Guid? FundId);
