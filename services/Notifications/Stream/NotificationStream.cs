using System.Text.Json;
using MicroInternships.Notifications.Apis;
using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Domain;
using MicroInternships.Notifications.Telemetry;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Notifications.Stream;

/// <summary>
/// The caller's new notifications as Server-Sent Events: one <c>notification</c> event each, its id the notification's,
/// so a client that reconnects with <c>Last-Event-ID</c> gets what it missed first; a comment line every
/// <see cref="NotificationOptions.HeartbeatInterval"/> keeps proxies from closing a quiet stream.
/// </summary>
public sealed class NotificationStream(
    NotificationsDbContext db, NotificationFeed feed, TimeProvider clock, NotificationsMetrics metrics, IOptions<NotificationOptions> options, IOptions<JsonOptions> json)
{
    private const int CatchUpLimit = 100;
    private const int SentMemory = 10_000;

    private readonly HashSet<Guid> _sent = [];

    public async Task WriteAsync(HttpContext http, Caller caller, CancellationToken cancellationToken)
    {
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-store";
        // Proxies that buffer (nginx) would hold events back.
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();

        using var subscription = feed.Subscribe(RecipientsOf(caller));
        // Without a resume point the stream starts now; announcements committed since subscribing still arrive.
        var resumeAfter = await ResumePointAsync(http.Request.Headers["Last-Event-ID"].ToString(), caller, cancellationToken);
        await response.WriteAsync(": connected\n\n", cancellationToken);
        var last = resumeAfter is { } after ? await CatchUpAsync(response, caller, after, cancellationToken) : (clock.GetUtcNow(), Guid.Empty);
        await response.Body.FlushAsync(cancellationToken);

        var heartbeat = options.Value.HeartbeatInterval;
        while (!cancellationToken.IsCancellationRequested)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            quiet.CancelAfter(heartbeat);
            Guid? news;
            try
            {
                news = await subscription.News.ReadAsync(quiet.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await response.WriteAsync(": heartbeat\n\n", cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                continue;
            }

            if (news is { } id)
            {
                var notification = await db.Notifications.AsNoTracking().VisibleTo(caller).Where(n => n.Id == id)
                    .Select(NotificationMapping.AsSeenBy(db, caller.Id)).FirstOrDefaultAsync(cancellationToken);
                if (notification is not null && await WriteEventAsync(response, notification, cancellationToken))
                {
                    metrics.Streamed(clock.GetUtcNow() - notification.CreatedAt);
                    last = Later(last, (notification.CreatedAt, notification.Id));
                }
            }
            else
            {
                last = await CatchUpAsync(response, caller, last, cancellationToken);
            }

            await response.Body.FlushAsync(cancellationToken);
        }
    }

    private static IReadOnlyCollection<Recipient> RecipientsOf(Caller caller)
    {
        List<Recipient> recipients = [Recipient.Person(caller.Id), Recipient.Role(caller.Role)];
        if (caller.IsPartner && caller.OrganizationId is { } organization)
        {
            recipients.Add(Recipient.Organization(organization));
        }

        return recipients;
    }

    /// <summary>Where the client's last event was, if it names one of its own; otherwise the stream starts with what is new.</summary>
    private async Task<(DateTimeOffset, Guid)?> ResumePointAsync(string lastEventId, Caller caller, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(lastEventId, out var id))
        {
            return null;
        }

        var found = await db.Notifications.AsNoTracking().VisibleTo(caller).Where(n => n.Id == id)
            .Select(n => new { n.CreatedAt, n.Id }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.CreatedAt, found.Id);
    }

    /// <summary>Writes, oldest first, what was created after <paramref name="after"/>, page after page.</summary>
    private async Task<(DateTimeOffset, Guid)> CatchUpAsync(HttpResponse response, Caller caller, (DateTimeOffset, Guid) after, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (createdAt, id) = after;
            var page = await db.Notifications.AsNoTracking().VisibleTo(caller)
                .Where(n => n.CreatedAt > createdAt || (n.CreatedAt == createdAt && n.Id.CompareTo(id) > 0))
                .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
                .Take(CatchUpLimit)
                .Select(NotificationMapping.AsSeenBy(db, caller.Id))
                .ToListAsync(cancellationToken);
            foreach (var notification in page)
            {
                await WriteEventAsync(response, notification, cancellationToken);
                after = Later(after, (notification.CreatedAt, notification.Id));
            }

            if (page.Count < CatchUpLimit)
            {
                return after;
            }
        }
    }

    private static (DateTimeOffset, Guid) Later((DateTimeOffset At, Guid Id) a, (DateTimeOffset At, Guid Id) b) =>
        a.At > b.At || (a.At == b.At && a.Id.CompareTo(b.Id) > 0) ? a : b;

    /// <summary>Writes the event unless this stream already sent it (announced while a catch-up read it too).</summary>
    private async Task<bool> WriteEventAsync(HttpResponse response, NotificationDto notification, CancellationToken cancellationToken)
    {
        if (_sent.Count >= SentMemory)
        {
            _sent.Clear();
        }

        if (!_sent.Add(notification.Id))
        {
            return false;
        }

        var data = JsonSerializer.Serialize(notification, json.Value.SerializerOptions);
        await response.WriteAsync($"id: {notification.Id}\nevent: notification\ndata: {data}\n\n", cancellationToken);
        return true;
    }
}
