using MassTransit;
using MicroInternships.Contracts.Listings;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Email;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Notifications.Consumers;

/// <summary>
/// Queues the email Listings asked for, to someone who is no user yet. Its key is the request's id, so a redelivery
/// (even under another message id) finds it queued and sends nothing twice; with email off it is dropped, as every
/// email is.
/// </summary>
public sealed class ContactEmailRequestedConsumer(
    NotificationsDbContext db, EmailComposer composer, IOptions<EmailOptions> options, JobWakeUp<EmailSendingJob> sender, TimeProvider clock,
    MessagingMetrics metrics, ILogger<ContactEmailRequestedConsumer> logger)
    : InboxConsumer<ContactEmailRequested, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<ContactEmailRequested> context, CancellationToken cancellationToken)
    {
        var request = context.Message;
        var key = OutgoingEmail.KeyOfContactEmail(request.EmailId);
        if (!options.Value.Enabled || await Db.OutgoingEmails.AnyAsync(e => e.MessageKey == key, cancellationToken))
        {
            return;
        }

        Db.OutgoingEmails.Add(OutgoingEmail.Compose(key, recipientSubject: "", request.Address, category: "contact", composer.ToContact(request), clock.GetUtcNow()));
        Db.AfterCommit(sender.Notify);
    }
}
