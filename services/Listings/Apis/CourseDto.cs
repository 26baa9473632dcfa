using MicroInternships.Listings.Domain;

namespace MicroInternships.Listings.Apis;

public sealed record CourseRequestBody(string? Code, string? Title, string? Term, string? Department, IReadOnlyList<string>? Disciplines, IReadOnlyList<string>? Skills, int? Enrollment);

public sealed record CourseDto(
    Guid Id,
    string FacultyId,
    string FacultyName,
    string Code,
    string Title,
    string Term,
    string Department,
    IReadOnlyList<string> Disciplines,
    IReadOnlyList<string> Skills,
    int Enrollment,
    DateTimeOffset CreatedAt);

public static class CourseMapping
{
    public static CourseDto ToDto(this Course course) => new(
        course.Id, course.FacultyId, course.FacultyName, course.Code, course.Title, course.Term, course.Department, course.Disciplines, course.Skills, course.Enrollment, course.CreatedAt);
}
