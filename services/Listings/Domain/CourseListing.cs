namespace MicroInternships.Listings.Domain;

/// <summary>A listing built into a course.</summary>
public sealed class CourseListing(Guid courseId, Guid listingId, DateTimeOffset linkedAt)
{
    public Guid CourseId { get; private set; } = courseId;

    public Guid ListingId { get; private set; } = listingId;

    public DateTimeOffset LinkedAt { get; private set; } = linkedAt;
}
