using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Errors;

namespace MicroInternships.Listings.Domain;

/// <summary>A partner asking a course's faculty member to build its listing into the course.</summary>
public sealed class CourseRequest : ICreatedInOrder
{
    private CourseRequest()
    {
    }

    public Guid Id { get; private set; }

    public Guid ListingId { get; private set; }

    public Guid CourseId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string PartnerId { get; private set; } = "";

    public string FacultyId { get; private set; } = "";

    public string Message { get; private set; } = "";

    /// <summary>The course's need this request proposes the listing for; null for a request made from the listing alone.</summary>
    public Guid? NeedId { get; private set; }

    /// <summary>Why the faculty member declined, for the partner; stays in Listings.</summary>
    public string? DeclineNote { get; private set; }

    public CourseRequestStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Grows with every change; the request's events carry it.</summary>
    public long Version { get; private set; }

    public static CourseRequest Ask(Listing listing, Course course, CourseNeed? need, string partnerId, string message, DateTimeOffset now) => new()
    {
        NeedId = need?.Id,
        Id = Guid.CreateVersion7(now),
        ListingId = listing.Id,
        CourseId = course.Id,
        OrganizationId = listing.OrganizationId,
        PartnerId = partnerId,
        FacultyId = course.FacultyId,
        Message = message,
        Status = CourseRequestStatus.Pending,
        CreatedAt = now,
        Version = 1,
    };

    public void Decide(bool accept, string? declineNote, DateTimeOffset now)
    {
        if (Status != CourseRequestStatus.Pending)
        {
            throw DomainRuleException.Conflict("request_not_pending", "This request has already been answered.");
        }

        Status = accept ? CourseRequestStatus.Accepted : CourseRequestStatus.Declined;
        DeclineNote = accept ? null : declineNote;
        DecidedAt = now;
        Version++;
    }
}
