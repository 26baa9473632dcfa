using MicroInternships.Contracts.Listings;
using MicroInternships.Listings.Data;
using MicroInternships.Listings.Domain;
using MicroInternships.Messaging.Outbox;

namespace MicroInternships.Listings.Apis;

/// <summary>
/// Linking and unlinking a course and a listing, with their events: the link event for whoever follows courses,
/// and the listing's new snapshot (its <c>courseIds</c>) for whoever follows listings. Repeats change nothing.
/// </summary>
public static class CourseLinking
{
    public static bool Link(ListingsDbContext db, Course course, Listing listing, DateTimeOffset now)
    {
        if (!listing.Link(course, now))
        {
            return false;
        }

        db.AddIntegrationEvent(new CourseListingLinked(course.Id, listing.Id, course.FacultyId, course.FacultyName, course.Code, now, listing.Version));
        db.AddIntegrationEvent(new ListingUpdated(listing.ToSnapshot(), now));
        return true;
    }

    public static bool Unlink(ListingsDbContext db, Course course, Listing listing, DateTimeOffset now)
    {
        if (!listing.Unlink(course.Id))
        {
            return false;
        }

        db.AddIntegrationEvent(new CourseListingUnlinked(course.Id, listing.Id, course.FacultyId, course.FacultyName, course.Code, now, listing.Version));
        db.AddIntegrationEvent(new ListingUpdated(listing.ToSnapshot(), now));

        return true;
    }
}
