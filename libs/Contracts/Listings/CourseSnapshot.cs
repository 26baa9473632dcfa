namespace MicroInternships.Contracts.Listings;

/// <summary>
/// A course as it stands after the change an event reports; <see cref="Version"/> grows with every change.
/// <see cref="Term"/> names one of the program's terms (<c>Program:Terms</c>); <see cref="Department"/> came later, and an
/// event logged before it reads as <c>unassigned</c>.
/// </summary>
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
    int Enrollment,
    string Department = "unassigned");
