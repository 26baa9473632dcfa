using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Domain;
using MicroInternships.Notifications.Email;
using MicroInternships.Notifications.Telemetry;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Json;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Notifications.Consumers;

/// <summary>
/// Writes a notification in the consumer's transaction, once per event and recipient: the unique index answers for an
/// event the inbox no longer remembers (its records are pruned after a week), so a second copy writes nothing. The
/// table's trigger announces it at commit to every replica's open streams, and its emails are queued with it.
/// </summary>
public sealed class Notifier(NotificationsDbContext db, EmailQueue emails, TimeProvider clock, NotificationsMetrics metrics)
{
    public async Task NotifyAsync(Recipient recipient, string category, string title, string body, string link, Guid sourceEventId, CancellationToken cancellationToken)
    {
        var n = Notification.For(recipient, category, title, body, link, sourceEventId, clock.GetUtcNow());
        var written = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO notifications (id, recipient_kind, recipient_key, category, title, body, link, created_at, source_event_id)
            VALUES ({n.Id}, {WireName.Of(n.RecipientKind)}, {n.RecipientKey}, {n.Category}, {n.Title}, {n.Body}, {n.Link}, {n.CreatedAt}, {n.SourceEventId})
            ON CONFLICT (source_event_id, recipient_kind, recipient_key) DO NOTHING
            """, cancellationToken);
        if (written > 0)
        {
            db.AfterCommit(() => metrics.Created(category));
            await emails.QueueAsync(n, cancellationToken);
        }
    }

    public async Task<ListingEntry> ListingAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Listings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken) ?? throw NotKnownYet("listing", id);

    public async Task<CourseEntry> CourseAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw NotKnownYet("course", id);

    public async Task<PlacementEntry> PlacementAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Placements.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw NotKnownYet("placement", id);

    public async Task<InstituteEntry> InstituteAsync(Guid id, CancellationToken cancellationToken) =>
        await db.InstituteEvents.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw NotKnownYet("event", id);

    /// <summary>
    /// Its publisher's event about it is still on another queue: failing sends the message back to be retried (and, past
    /// the retries, redriven from <c>_error</c>) until it has arrived, instead of notifying with a blank.
    /// </summary>
    private static InvalidOperationException NotKnownYet(string what, Guid id) =>
        new($"The {what} {id} is not in the directory yet; the notification waits for it.");
}
