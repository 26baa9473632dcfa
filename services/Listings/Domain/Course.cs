using MicroInternships.ServiceDefaults.Api;

namespace MicroInternships.Listings.Domain;

/// <summary>A faculty member's course that can adopt micro-internships; its skills and disciplines drive matching.</summary>
public sealed class Course : ICreatedInOrder
{
    private Course()
    {
    }

    public Guid Id { get; private set; }

    public string FacultyId { get; private set; } = "";

    public string FacultyName { get; private set; } = "";

    public string Code { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Term { get; private set; } = "";

    public List<string> Disciplines { get; private set; } = [];

    public string[] DisciplineKeys { get; private set; } = [];

    public List<string> Skills { get; private set; } = [];

    public string[] SkillKeys { get; private set; } = [];

    public int Enrollment { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Grows with every change; the course's events carry it.</summary>
    public long Version { get; private set; }

    public static Course Create(string facultyId, string facultyName, string code, string title, string term,
        IReadOnlyList<string> disciplines, IReadOnlyList<string> skills, int enrollment, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        FacultyId = facultyId,
        FacultyName = facultyName,
        Code = code,
        Title = title,
        Term = term,
        Disciplines = [.. disciplines],
        DisciplineKeys = Terms.Keys(disciplines),
        Skills = [.. skills],
        SkillKeys = Terms.Keys(skills),
        Enrollment = enrollment,
        CreatedAt = now,
        Version = 1,
    };

    public void Edit(string code, string title, string term, IReadOnlyList<string> disciplines, IReadOnlyList<string> skills, int enrollment)
    {
        (Code, Title, Term, Enrollment) = (code, title, term, enrollment);
        Disciplines = [.. disciplines];
        DisciplineKeys = Terms.Keys(disciplines);
        Skills = [.. skills];
        SkillKeys = Terms.Keys(skills);
        Version++;
    }
}
