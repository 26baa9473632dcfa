namespace MicroInternships.Contracts.Listings;

/// <summary>
/// Listings asks Notifications to email someone who is not a user yet (a partner-interest contact): the words, and a
/// link to the website's page at <see cref="LinkPath"/> that may hold a secret. Not an event: it is sent once through
/// the outbox and never kept in the event log, so no replay sends it again and the address is not kept for good.
/// <see cref="EmailId"/> is unique per email, so a redelivery does not send it twice.
/// </summary>
public sealed record ContactEmailRequested(Guid EmailId, string Address, string Subject, string Text, string LinkPath, string LinkText);
