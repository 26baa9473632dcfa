using MicroInternships.Listings.Domain;
using MicroInternships.ServiceDefaults.Errors;

namespace MicroInternships.Listings.Apis;

/// <summary>The body of <c>POST /api/courses/{id}/needs</c>: what the course wants from partners, and when.</summary>
public sealed record CourseNeedRequest(
    DateOnly? TermStart,
    DateOnly? TermEnd,
    int? ProjectsWanted,
    IReadOnlyList<string>? Skills,
    IReadOnlyList<string>? Disciplines,
    string? LearningOutcomes,
    int? PreferredHours,
    WorkMode? WorkMode)
{
    public const int MaxProjects = 20;

    /// <summary>A window longer than this is not one term.</summary>
    public const int MaxTermDays = 366;

    public CourseNeedTerms ToTerms(ListingPolicy policy, DateOnly today)
    {
        var skills = Terms.Distinct(Skills);
        var disciplines = Terms.Distinct(Disciplines);
        var errors = new FieldErrors()
            .When(TermStart is null, "termStart", "termStart is required (yyyy-MM-dd).")
            .When(TermEnd is null, "termEnd", "termEnd is required (yyyy-MM-dd).")
            .When(TermEnd < TermStart, "termEnd", "termEnd must be on or after termStart.")
            .When(TermEnd < today, "termEnd", "termEnd has passed: a need is for a term still to come or under way.")
            .When(TermEnd > TermStart?.AddDays(MaxTermDays), "termEnd", $"A term window is at most {MaxTermDays} days.")
            .When(ProjectsWanted is not (>= 1 and <= MaxProjects), "projectsWanted", $"projectsWanted must be 1 to {MaxProjects}.")
            .Terms("skills", Skills, 15, 40)
            .Terms("disciplines", Disciplines, 5, 60)
            .When(skills.Count == 0 && disciplines.Count == 0, "skills", "Name at least one skill or discipline, so partners' listings can match the need.")
            .Length("learningOutcomes", LearningOutcomes, 1, 2000)
            .When(PreferredHours is { } hours && (hours < policy.MinHours || hours > policy.MaxHours), "preferredHours",
                $"preferredHours must be {policy.MinHours} to {policy.MaxHours}.");
        errors.ThrowIfAny();
        return new CourseNeedTerms(TermStart!.Value, TermEnd!.Value, ProjectsWanted!.Value, skills, disciplines, LearningOutcomes!.Trim(), PreferredHours, WorkMode);
    }
}
