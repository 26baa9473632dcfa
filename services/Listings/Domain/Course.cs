using MicroInternships.ServiceDefaults.Api;

namespace MicroInternships.Listings.Domain;

/// <summary>A faculty member's course that can adopt micro-internships; its skills and disciplines drive matching.</summary>
public sealed class Course : ICreatedInOrder
{
    /// <summary>The department of a course registered before courses named theirs.</summary>
    public const string Unassigned = "unassigned";

    private Course()
    {
    }

    public Guid Id { get; private set; }

    public string FacultyId { get; private set; } = "";

    public string FacultyName { get; private set; } = "";

    public string Code { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Term { get; private set; } = "";

    /// <summary>The academic department the course belongs to, which the program's figures are counted by.</summary>
    public string Department { get; private set; } = Unassigned;

    public List<string> Disciplines { get; private set; } = [];

    public string[] DisciplineKeys { get; private set; } = [];

    public List<string> Skills { get; private set; } = [];

    public string[] SkillKeys { get; private set; } = [];

    public int Enrollment { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Grows with every change; the course's events carry it.</summary>
    public long Version { get; private set; }

    public static Course Create(string facultyId, string facultyName, string code, string title, string term, string department,
        IReadOnlyList<string> disciplines, IReadOnlyList<string> skills, int enrollment, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        FacultyId = facultyId,
        FacultyName = facultyName,
        Code = code,
        Title = title,
        Term = term,
        Department = department,
        Disciplines = [.. disciplines],
        DisciplineKeys = Terms.Keys(disciplines),
        Skills = [.. skills],
        SkillKeys = Terms.Keys(skills),
        Enrollment = enrollment,
        CreatedAt = now,
        Version = 1,
    };

    public void Edit(string code, string title, string term, string department, IReadOnlyList<string> disciplines, IReadOnlyList<string> skills, int enrollment)
    {
        (Code, Title, Term, Department, Enrollment) = (code, title, term, department, enrollment);
        Disciplines = [.. disciplines];
        DisciplineKeys = Terms.Keys(disciplines);
        Skills = [.. skills];
        SkillKeys = Terms.Keys(skills);
        Version++;
    }

    /// <summary>A term that is not one of the program's becomes the term the course was registered in.</summary>
    public void MoveToTerm(string term)
    {
        Term = term;
        Version++;
    }
}
