namespace MicroInternships.Placements.Domain;

/// <summary>Who an application or placement concerns: the student, the partner organization and the course (so its faculty).</summary>
public interface IHasParties
{
    Guid Id { get; }

    string StudentId { get; }

    Guid OrganizationId { get; }

    Guid? CourseId { get; }
}
