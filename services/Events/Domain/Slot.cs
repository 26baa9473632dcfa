using MicroInternships.ServiceDefaults.Api;

namespace MicroInternships.Events.Domain;

/// <summary>
/// Fifteen to sixty minutes of a partner's time at an event, bookable by one confirmed student or faculty member.
/// The database keeps a partner's slots from overlapping, and an attendee's bookings too (exclusion constraints on
/// the time range), and an attendee to one slot per organization; a booking is one conditional update.
/// </summary>
public sealed class Slot : ICreatedInOrder
{
    public static readonly TimeSpan MinLength = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxLength = TimeSpan.FromMinutes(60);

    private Slot()
    {
    }

    public Guid Id { get; private set; }

    public Guid EventId { get; private set; }

    public string PartnerId { get; private set; } = "";

    public string PartnerName { get; private set; } = "";

    public Guid OrganizationId { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public string? BookedBy { get; private set; }

    public string? BookedByName { get; private set; }

    public Guid? BookedRegistrationId { get; private set; }

    public DateTimeOffset? BookedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Grows with every change (booked, released); bookings change it in SQL, with the booking itself.</summary>
    public long Version { get; private set; }

    public bool Booked => BookedBy is not null;

    public static Slot Create(Guid eventId, string partnerId, string partnerName, Guid organizationId, DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        EventId = eventId,
        PartnerId = partnerId,
        PartnerName = partnerName,
        OrganizationId = organizationId,
        StartsAt = startsAt,
        EndsAt = endsAt,
        CreatedAt = now,
        Version = 1,
    };
}
