using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Domain;
using MicroInternships.Notifications.People;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Notifications.Email;

/// <summary>
/// Queues a new notification's emails in the transaction that writes it: one for each of its recipient's members with
/// a known address who wants that category by email at once. The daily categories wait for <see cref="DailyDigest"/>.
/// </summary>
public sealed class EmailQueue(
    NotificationsDbContext db, PeopleDirectory people, EmailComposer composer, IOptions<EmailOptions> options, JobWakeUp<EmailSendingJob> sender)
{
    public async Task QueueAsync(Notification notification, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var members = await people.MembersOf(new Recipient(notification.RecipientKind, notification.RecipientKey))
            .Where(p => p.Email != null)
            .Select(p => new { p.Subject, Email = p.Email! })
            .ToListAsync(cancellationToken);
        if (members.Count == 0)
        {
            return;
        }

        var subjects = members.Select(m => m.Subject).ToArray();
        var choices = await db.EmailPreferences.AsNoTracking()
            .Where(p => p.Category == notification.Category && subjects.Contains(p.Subject))
            .ToDictionaryAsync(p => p.Subject, cancellationToken);
        var queued = 0;
        foreach (var member in members)
        {
            var choice = EmailDefaults.ChoiceOf(notification.Category, choices.GetValueOrDefault(member.Subject));
            if (choice is { Email: true, Delivery: EmailDelivery.Immediate })
            {
                db.OutgoingEmails.Add(OutgoingEmail.Compose(
                    OutgoingEmail.KeyOfNotification(notification.Id, member.Subject), member.Subject, member.Email, notification.Category,
                    composer.Notification(notification, member.Subject), notification.CreatedAt));
                queued++;
            }
        }

        if (queued > 0)
        {
            db.AfterCommit(sender.Notify);
        }
    }
}
