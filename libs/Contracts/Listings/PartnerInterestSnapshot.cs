namespace MicroInternships.Contracts.Listings;

/// <summary>
/// An organization's request to join the program, as it stands after the change an event reports: never its contact's
/// name or email, its website or its words. <see cref="Status"/> is <c>unconfirmed</c> (the contact has not yet
/// confirmed their email), <c>pending</c> (coordinators review it), <c>approved</c>, <c>declined</c> or <c>expired</c>
/// (never confirmed); <see cref="OrganizationId"/> is the organization an approval created.
/// </summary>
public sealed record PartnerInterestSnapshot(
    Guid InterestId, long Version, string Status, DateTimeOffset SubmittedAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? DecidedAt,
    Guid? OrganizationId, bool PersonalDataErased);
