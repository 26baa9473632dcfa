namespace MicroInternships.Contracts.Listings;

/// <summary>A course as it stands after the change an event reports; <see cref="Version"/> grows with every change.</summary>
public sealed record CourseSnapshot(
    Guid CourseId,
    long Version,
    string FacultyId,
    string FacultyName,
    string Code,
    string Title,
    string Term,
    IReadOnlyList<string> Disciplines,
    IReadOnlyList<string> Skills,
    int Enrollment);
