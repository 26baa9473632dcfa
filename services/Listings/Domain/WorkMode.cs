namespace MicroInternships.Listings.Domain;

public enum WorkMode
{
    Remote,
    Onsite,
    Hybrid,
}
