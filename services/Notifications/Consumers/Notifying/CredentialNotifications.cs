using MassTransit;
using MicroInternships.Contracts.Placements;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Domain;

namespace MicroInternships.Notifications.Consumers.Notifying;

/// <summary>
/// Student: the program revoked their credential, and why. A credential the student's own name choice replaced
/// (<c>superseded</c>) is news to nobody.
/// </summary>
public sealed class CredentialRevokedConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<CredentialRevokedConsumer> logger)
    : InboxConsumer<CredentialRevoked, NotificationsDbContext>(db, metrics, logger)
{
    private const string Superseded = "superseded";

    protected override async Task HandleAsync(ConsumeContext<CredentialRevoked> context, CancellationToken cancellationToken)
    {
        var (credential, reason) = (context.Message.Credential, context.Message.Reason);
        if (reason == Superseded)
        {
            return;
        }

        await notifier.NotifyAsync(
            Recipient.Person(credential.StudentId), NotificationCategories.CredentialRevoked, "Your credential was revoked",
            $"The program revoked the credential of a completed placement. Reason: {reason}", $"/placements/{credential.PlacementId}",
            context.MessageId!.Value, cancellationToken);
    }
}
