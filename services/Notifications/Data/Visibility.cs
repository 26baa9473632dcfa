using MicroInternships.Notifications.Domain;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Notifications.Data;

/// <summary>
/// Who sees a notification: the person it names, the partners of the organization it names, and everyone with the
/// role it names. Anything else does not exist for the caller (404).
/// </summary>
public static class Visibility
{
    public static IQueryable<Notification> VisibleTo(this IQueryable<Notification> notifications, Caller caller)
    {
        var organization = caller.IsPartner && caller.OrganizationId is { } id ? Recipient.Organization(id).Key : null;
        return notifications.Where(n =>
            (n.RecipientKind == RecipientKind.Person && n.RecipientKey == caller.Id)
            || (n.RecipientKind == RecipientKind.Organization && n.RecipientKey == organization)
            || (n.RecipientKind == RecipientKind.Role && n.RecipientKey == caller.Role));
    }

    /// <summary>The notification if <paramref name="caller"/> may see it; 404 otherwise, so another's never shows it exists.</summary>
    public static async Task<Notification> FindVisibleAsync(this NotificationsDbContext db, Guid id, Caller caller, CancellationToken cancellationToken) =>
        await db.Notifications.AsNoTracking().VisibleTo(caller).FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
        ?? throw DomainRuleException.NotFound("notification");
}
