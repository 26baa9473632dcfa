namespace MicroInternships.Listings.Domain;

/// <summary>What a faculty member asks partners for, checked: the term window, how many projects, what fits the course.</summary>
public sealed record CourseNeedTerms(
    DateOnly TermStart,
    DateOnly TermEnd,
    int ProjectsWanted,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Disciplines,
    string LearningOutcomes,
    int? PreferredHours,
    WorkMode? WorkMode);
