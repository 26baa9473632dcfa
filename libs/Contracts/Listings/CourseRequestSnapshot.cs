namespace MicroInternships.Contracts.Listings;

/// <summary>
/// A partner's request that a course adopt its listing, as it stands after the change an event reports. The partner's
/// message is not in it: personal text stays in Listings. <see cref="Status"/> is <c>pending</c>, <c>accepted</c> or
/// <c>declined</c>. <see cref="NeedId"/> names the course's need it answers, when it is a proposal to one.
/// </summary>
public sealed record CourseRequestSnapshot(
    Guid RequestId,
    long Version,
    Guid ListingId,
    Guid CourseId,
    Guid OrganizationId,
    string PartnerId,
    string FacultyId,
    string Status,
    DateTimeOffset? DecidedAt,
    Guid? NeedId = null);
