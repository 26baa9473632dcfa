using MicroInternships.Contracts.Listings;
using MicroInternships.ServiceDefaults.Json;

namespace MicroInternships.Listings.Domain;

/// <summary>The snapshots the catalog's events carry: organizations, courses, course needs and course requests after a change.</summary>
public static class CatalogSnapshots
{
    public static OrganizationSnapshot ToSnapshot(this Organization organization) =>
        new(organization.Id, organization.Version, organization.Name, organization.Website);

    public static CourseSnapshot ToSnapshot(this Course course) => new(
        course.Id, course.Version, course.FacultyId, course.FacultyName, course.Code, course.Title, course.Term,
        [.. course.Disciplines], [.. course.Skills], course.Enrollment, course.Department);

    /// <summary>Without the partner's message: personal text stays in Listings.</summary>
    public static CourseRequestSnapshot ToSnapshot(this CourseRequest request) => new(
        request.Id, request.Version, request.ListingId, request.CourseId, request.OrganizationId, request.PartnerId, request.FacultyId,
        WireName.Of(request.Status), request.DecidedAt, request.NeedId);

    /// <summary>Without the email: personal data stays in Listings.</summary>
    public static MembershipSnapshot ToSnapshot(this OrganizationMembership membership) =>
        new(membership.OrganizationId, membership.Subject, WireName.Of(membership.Status), membership.Version);

    /// <summary>Without the email or the token.</summary>
    public static InvitationSnapshot ToSnapshot(this Invitation invitation) => new(
        invitation.Id, invitation.Version, invitation.OrganizationId, WireName.Of(invitation.Status), invitation.ExpiresAt, invitation.AcceptedBy);

    public static CourseNeedSnapshot ToSnapshot(this CourseNeed need) => new(
        need.Id, need.Version, need.CourseId, need.FacultyId, WireName.Of(need.Status), need.TermStart, need.TermEnd,
        need.ProjectsWanted, need.ProjectsAccepted, [.. need.Skills], [.. need.Disciplines]);

    /// <summary>Without the contact, the website or any words.</summary>
    public static PartnerInterestSnapshot ToSnapshot(this PartnerInterest interest) => new(
        interest.Id, interest.Version, WireName.Of(interest.Status), interest.CreatedAt, interest.ConfirmedAt, interest.DecidedAt,
        interest.OrganizationId, interest.ErasedAt is not null);
}
