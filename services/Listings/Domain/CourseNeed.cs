using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Errors;

namespace MicroInternships.Listings.Domain;

/// <summary>
/// A faculty member telling partners what their course wants: projects in a term window, with the skills and
/// disciplines its students bring. Partners propose their open listings to it (course requests with its id); each
/// accepted proposal counts, and the need is filled once they reach the projects wanted.
/// </summary>
public sealed class CourseNeed : ICreatedInOrder
{
    private CourseNeed()
    {
    }

    public Guid Id { get; private set; }

    public Guid CourseId { get; private set; }

    public string FacultyId { get; private set; } = "";

    public string FacultyName { get; private set; } = "";

    public DateOnly TermStart { get; private set; }

    public DateOnly TermEnd { get; private set; }

    public int ProjectsWanted { get; private set; }

    public int ProjectsAccepted { get; private set; }

    public List<string> Skills { get; private set; } = [];

    public string[] SkillKeys { get; private set; } = [];

    public List<string> Disciplines { get; private set; } = [];

    public string[] DisciplineKeys { get; private set; } = [];

    public string LearningOutcomes { get; private set; } = "";

    public int? PreferredHours { get; private set; }

    public WorkMode? WorkMode { get; private set; }

    public CourseNeedStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Grows with every change; the need's events carry it, and it guards against two writers at once.</summary>
    public long Version { get; private set; }

    public static CourseNeed Post(Course course, CourseNeedTerms terms, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CourseId = course.Id,
        FacultyId = course.FacultyId,
        FacultyName = course.FacultyName,
        TermStart = terms.TermStart,
        TermEnd = terms.TermEnd,
        ProjectsWanted = terms.ProjectsWanted,
        Skills = [.. terms.Skills],
        SkillKeys = Terms.Keys(terms.Skills),
        Disciplines = [.. terms.Disciplines],
        DisciplineKeys = Terms.Keys(terms.Disciplines),
        LearningOutcomes = terms.LearningOutcomes,
        PreferredHours = terms.PreferredHours,
        WorkMode = terms.WorkMode,
        Status = CourseNeedStatus.Open,
        CreatedAt = now,
        Version = 1,
    };

    /// <summary>Counts a proposal the faculty member accepted while the need was open; the one that reaches the projects wanted fills it.</summary>
    public bool CountAccepted(DateTimeOffset now)
    {
        if (Status != CourseNeedStatus.Open)
        {
            return false;
        }

        ProjectsAccepted++;
        if (ProjectsAccepted >= ProjectsWanted)
        {
            Status = CourseNeedStatus.Filled;
            ClosedAt = now;
        }

        Version++;
        return true;
    }

    public void Close(DateTimeOffset now)
    {
        if (Status != CourseNeedStatus.Open)
        {
            throw DomainRuleException.Conflict("need_not_open", $"This need is already {Status.ToString().ToLowerInvariant()}.");
        }

        Status = CourseNeedStatus.Closed;
        ClosedAt = now;
        Version++;
    }

    public void RequireOpen()
    {
        if (Status != CourseNeedStatus.Open)
        {
            throw DomainRuleException.Conflict("need_not_open", $"This need is {Status.ToString().ToLowerInvariant()}; it takes no more proposals.");
        }
    }
}
