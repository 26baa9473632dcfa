namespace MicroInternships.Contracts.Listings;

/// <summary>
/// The request's personal data was deleted: a declined request's after its retention, or one never confirmed once its
/// link expired (its status is then <c>expired</c>).
/// </summary>
public sealed record PartnerInterestErased(PartnerInterestSnapshot Interest, DateTimeOffset OccurredAt);
