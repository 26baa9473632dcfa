namespace MicroInternships.Web.Api.Contracts;

/// <summary>A partner organization (GET /api/organizations/{id}).</summary>
public sealed record Organization(Guid Id, string Name, string? Website, string? Description, DateTimeOffset CreatedAt);

/// <summary>Body of POST /api/organizations.</summary>
public sealed record OrganizationRequest(string Name, string? Website, string? Description);

public sealed record Compensation(long AmountCents, string Currency);

/// <summary>A micro-internship listing (GET /api/listings/{id}).</summary>
public sealed record Listing(
    Guid Id,
    Guid OrganizationId,
    string OrganizationName,
    string Title,
    string Summary,
    string Description,
    IReadOnlyList<string> Skills,
    string Discipline,
    int EstimatedHours,
    Compensation Compensation,
    int Openings,
    int FilledCount,
    DateTimeOffset ApplicationDeadline,
    string WorkMode,
    string? Location,
    Guid? FundId,
    string Status,
    string? CloseReason,
    IReadOnlyList<Guid> CourseIds,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ClosedAt);

/// <summary>Body of POST /api/listings and PUT /api/listings/{id}: the whole listing.</summary>
public sealed record ListingRequest(
    Guid? OrganizationId,
    string Title,
    string Summary,
    string Description,
    IReadOnlyList<string>? Skills,
    string Discipline,
    int EstimatedHours,
    Compensation Compensation,
    int? Openings,
    DateTimeOffset ApplicationDeadline,
    string WorkMode,
    string? Location,
    Guid? FundId);

/// <summary>A course that can adopt listings (GET /api/courses/{id}).</summary>
public sealed record Course(
    Guid Id,
    string FacultyId,
    string FacultyName,
    string Code,
    string Title,
    string Term,
    IReadOnlyList<string> Disciplines,
    IReadOnlyList<string> Skills,
    int Enrollment,
    DateTimeOffset CreatedAt);

/// <summary>Body of POST /api/courses.</summary>
public sealed record CourseBody(string Code, string Title, string Term, IReadOnlyList<string>? Disciplines, IReadOnlyList<string>? Skills, int? Enrollment);

/// <summary>An unpaged list of matches: <c>{ "items": [...] }</c>, best first.</summary>
public sealed record Matches<T>(IReadOnlyList<T> Items);

/// <summary>A course that fits a listing (GET /api/listings/{id}/course-matches); faculty id and name are in <c>Course</c>.</summary>
public sealed record CourseMatch(Course Course, int Score, IReadOnlyList<string> SharedTerms, bool Linked);

/// <summary>An open listing that fits a course (GET /api/courses/{id}/matches).</summary>
public sealed record ListingMatch(Listing Listing, int Score, IReadOnlyList<string> SharedTerms, bool Linked);

/// <summary>A partner's request that a course's faculty adopt a listing (GET /api/course-requests).</summary>
public sealed record CourseRequest(
    Guid Id,
    Guid ListingId,
    Guid CourseId,
    Guid OrganizationId,
    string PartnerId,
    string FacultyId,
    string Message,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt);

/// <summary>Body of POST /api/listings/{id}/course-requests.</summary>
public sealed record CourseRequestAsk(Guid CourseId, string? Message);
