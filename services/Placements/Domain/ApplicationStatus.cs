namespace MicroInternships.Placements.Domain;

public enum ApplicationStatus
{
    Submitted,
    Offered,
    Accepted,
    Rejected,
    Declined,
    Withdrawn,
    Expired,
}
