namespace MicroInternships.Listings.Domain;

public enum CloseReason
{
    Manual,
    Deadline,
    Filled,
}
