namespace MicroInternships.Placements.Domain;

/// <summary>Who an application or placement concerns: the student, the partner organization, and the course it came through (so that course's faculty, for this listing).</summary>
public interface IHasParties
{
    Guid Id { get; }

    Guid ListingId { get; }

    string StudentId { get; }

    Guid OrganizationId { get; }

    Guid? CourseId { get; }
}
