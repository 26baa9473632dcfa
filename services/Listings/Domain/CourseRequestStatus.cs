namespace MicroInternships.Listings.Domain;

public enum CourseRequestStatus
{
    Pending,
    Accepted,
    Declined,
}
