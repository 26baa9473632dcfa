using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.People;
using MicroInternships.Notifications.Stream;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Notifications.Apis;

public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup("/notifications")
            .WithTag("Notifications", "What needs the caller: addressed to them, to their organization or to their role; each reader has their own read state.")
            .RequireAuthorization(RoleRules.Recipients.Policy)
            .RecordsCaller()
            .DescribeProblems();
        notifications.MapGet("/", ListAsync).WithName("ListNotifications").WithSummary("The caller's notifications, newest first; only the unread ones on request");
        notifications.MapGet("/summary", SummaryAsync).WithName("NotificationSummary").WithSummary("How many of the caller's notifications they have not read");
        notifications.MapGet("/{id:guid}", GetAsync).WithName("GetNotification").WithSummary("One of the caller's notifications")
            .Refuses(RuleKind.NotFound, "notification_not_found");
        notifications.MapPost("/{id:guid}/read", ReadAsync).WithName("ReadNotification").WithSummary("Mark one notification read, for the caller only")
            .Refuses(RuleKind.NotFound, "notification_not_found");
        notifications.MapGet("/stream", StreamAsync)
            .WithName("StreamNotifications")
            .WithSummary("The caller's new notifications as Server-Sent Events (one 'notification' event each; Last-Event-ID resumes; a comment line every 15 s)")
            .Produces<NotificationDto>(StatusCodes.Status200OK, "text/event-stream");
        notifications.MapPost("/read-all", ReadAllAsync).WithName("ReadAllNotifications").WithSummary("Mark every notification the caller has read, for the caller only");
        return app;
    }

    public static async Task<Ok<Page<NotificationDto>>> ListAsync(
        bool? unread, int? limit, string? cursor, Caller caller, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var visible = db.Notifications.AsNoTracking().VisibleTo(caller);
        if (unread == true)
        {
            visible = visible.UnreadBy(db, caller.Id);
        }

        var page = await visible.ToProjectedPageAsync(limit, cursor, NotificationMapping.AsSeenBy(db, caller.Id), cancellationToken);
        return TypedResults.Ok(page);
    }

    /// <summary>Open until the client leaves or this process stops: a stopping replica ends its streams, and clients reconnect to another.</summary>
    public static async Task StreamAsync(HttpContext http, Caller caller, NotificationStream stream, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        using var open = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        try
        {
            await stream.WriteAsync(http, caller, open.Token);
        }
        catch (OperationCanceledException) when (open.IsCancellationRequested)
        {
        }
    }

    public static async Task<Ok<NotificationSummaryDto>> SummaryAsync(Caller caller, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var unread = await db.Notifications.VisibleTo(caller).UnreadBy(db, caller.Id).CountAsync(cancellationToken);
        return TypedResults.Ok(new NotificationSummaryDto(unread));
    }

    public static async Task<Ok<NotificationDto>> GetAsync(Guid id, Caller caller, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var notification = await db.FindVisibleAsync(id, caller, cancellationToken);
        var read = await db.Reads.AnyAsync(r => r.NotificationId == id && r.ReaderId == caller.Id, cancellationToken);
        return TypedResults.Ok(notification.ToDto(read));
    }

    public static async Task<Ok<NotificationDto>> ReadAsync(
        Guid id, Caller caller, NotificationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var notification = await db.FindVisibleAsync(id, caller, cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO notification_reads (notification_id, reader_id, read_at) VALUES ({id}, {caller.Id}, {clock.GetUtcNow()})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        return TypedResults.Ok(notification.ToDto(read: true));
    }

    public static async Task<NoContent> ReadAllAsync(Caller caller, NotificationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var unread = await db.Notifications.VisibleTo(caller).UnreadBy(db, caller.Id)
            .Select(n => n.Id)
            .ToArrayAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO notification_reads (notification_id, reader_id, read_at)
            SELECT id, {caller.Id}, {clock.GetUtcNow()} FROM unnest({unread}) AS id
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        return TypedResults.NoContent();
    }
}
