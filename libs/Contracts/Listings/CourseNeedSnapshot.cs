namespace MicroInternships.Contracts.Listings;

/// <summary>
/// A course's need for projects as it stands after the change an event reports. Its learning outcomes stay in
/// Listings. <see cref="Status"/> is <c>open</c>, <c>filled</c> or <c>closed</c>; the term window is in program days.
/// </summary>
public sealed record CourseNeedSnapshot(
    Guid NeedId,
    long Version,
    Guid CourseId,
    string FacultyId,
    string Status,
    DateOnly TermStart,
    DateOnly TermEnd,
    int ProjectsWanted,
    int ProjectsAccepted,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Disciplines);
