using MassTransit;
using MicroInternships.Contracts.Placements;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Domain;

namespace MicroInternships.Notifications.Consumers.Notifying;

/// <summary>
/// Student: the program revoked their credential, and why (the coordinator's note stays with the credential, in
/// Placements). A credential the student's own name choice replaced (<c>superseded</c>) is news to nobody.
/// </summary>
public sealed class CredentialRevokedConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<CredentialRevokedConsumer> logger)
    : InboxConsumer<CredentialRevoked, NotificationsDbContext>(db, metrics, logger)
{
    private const string Superseded = "superseded";

    private static readonly Dictionary<string, string> _why = new()
    {
        ["issued_in_error"] = "it was issued in error",
        ["misconduct"] = "the work did not meet the program's integrity rules",
        ["student_request"] = "you asked for it to be withdrawn",
    };

    protected override async Task HandleAsync(ConsumeContext<CredentialRevoked> context, CancellationToken cancellationToken)
    {
        var (credential, reason) = (context.Message.Credential, context.Message.Reason);
        if (reason == Superseded)
        {
            return;
        }

        await notifier.NotifyAsync(
            Recipient.Person(credential.StudentId), NotificationCategories.CredentialRevoked, "Your credential was revoked",
            $"The program revoked the credential of a completed placement: {_why.GetValueOrDefault(reason, "see the coordinator's note")}. " +
            "The coordinator's note is with the credential on the placement.", $"/placements/{credential.PlacementId}",
            context.MessageId!.Value, cancellationToken);
    }
}
