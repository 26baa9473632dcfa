using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MicroInternships.Notifications.Email;

/// <summary>
/// Sends a batch of emails over one SMTP connection (MailKit), answering for each. When the connection cannot be made
/// or breaks, the rest of the batch is <see cref="SendResult.Transient"/> without being tried; so is what is left when
/// <c>lease</c> has less than <see cref="SmtpOptions.LongestSend"/> left (past it another sender may take the same emails).
/// </summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> smtp, IOptions<EmailOptions> email, TimeProvider clock)
{
    public async Task SendAsync(
        IReadOnlyList<OutgoingEmail> emails, TimeSpan lease, Func<OutgoingEmail, SendResult, Task> record, CancellationToken cancellationToken)
    {
        var claimed = clock.GetTimestamp();
        using var client = new SmtpClient { Timeout = (int)smtp.Value.Timeout.TotalMilliseconds };
        var notTried = await ConnectAsync(client, cancellationToken);
        foreach (var outgoing in emails)
        {
            if (notTried is null && clock.GetElapsedTime(claimed) + smtp.Value.LongestSend > lease)
            {
                notTried = new SendResult.Transient("not tried: the batch ran out of its lease");
            }

            if (notTried is not null)
            {
                await record(outgoing, notTried);
                continue;
            }

            var result = await SendOneAsync(client, outgoing, cancellationToken);
            await record(outgoing, result);
            if (!client.IsConnected)
            {
                notTried = result as SendResult.Transient ?? new SendResult.Transient("the mail server closed the connection");
            }
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
    }

    /// <returns>Null when connected; otherwise why not, for every email of the batch.</returns>
    private async Task<SendResult.Transient?> ConnectAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.ConnectAsync(smtp.Value.Host ?? "", smtp.Value.Port, smtp.Value.Security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Value.UserName))
            {
                await client.AuthenticateAsync(smtp.Value.UserName, smtp.Value.Password ?? "", cancellationToken);
            }

            return null;
        }
        catch (Exception exception) when (IsConnectionFailure(exception))
        {
            return new SendResult.Transient($"could not reach the mail server: {exception.Message}");
        }
    }

    private async Task<SendResult> SendOneAsync(SmtpClient client, OutgoingEmail outgoing, CancellationToken cancellationToken)
    {
        if (!MailboxAddress.TryParse(outgoing.Address, out var to))
        {
            return new SendResult.Refused("not an email address");
        }

        try
        {
            await client.SendAsync(Message(outgoing, to), cancellationToken);
            return new SendResult.Accepted();
        }
        catch (SmtpCommandException refused) when ((int)refused.StatusCode >= 500
            && refused.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            return new SendResult.Refused($"{(int)refused.StatusCode} {refused.Message}");
        }
        catch (SmtpCommandException busy)
        {
            return new SendResult.Transient($"{(int)busy.StatusCode} {busy.Message}");
        }
        catch (Exception exception) when (IsConnectionFailure(exception))
        {
            return new SendResult.Transient($"the connection failed: {exception.Message}");
        }
    }

    private MimeMessage Message(OutgoingEmail outgoing, MailboxAddress to)
    {
        var from = new MailboxAddress(email.Value.FromName, email.Value.FromAddress);
        var message = new MimeMessage
        {
            Subject = outgoing.Subject,
            MessageId = outgoing.MessageId(from.Domain),
            Date = outgoing.CreatedAt,
            Body = new BodyBuilder { TextBody = outgoing.TextBody, HtmlBody = outgoing.HtmlBody }.ToMessageBody(),
        };
        message.From.Add(from);
        message.To.Add(to);
        if (outgoing.UnsubscribeUrl.Length > 0)
        {
            message.Headers.Add("List-Unsubscribe", $"<{outgoing.UnsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    private static bool IsConnectionFailure(Exception exception) =>
        exception is SocketException or IOException or NotSupportedException or TimeoutException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or SmtpProtocolException or AuthenticationException or SslHandshakeException or SmtpCommandException;
}
