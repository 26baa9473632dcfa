namespace MicroInternships.Listings.Domain;

/// <summary>
/// <c>unconfirmed -> pending -> approved | declined</c>; an unconfirmed request whose link expired becomes
/// <c>expired</c>. Coordinators see a request from <c>pending</c> on.
/// </summary>
public enum PartnerInterestStatus
{
    Unconfirmed,
    Pending,
    Approved,
    Declined,
    Expired,
}
