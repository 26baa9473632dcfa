using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Domain;
using MicroInternships.Notifications.Email;
using MicroInternships.Notifications.People;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.Json;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Notifications.Apis;

public static class PreferencesApi
{
    private const int MaxChanges = 100;
    private const string Tag = "Notification preferences";
    private const string TagDescription = "Which notifications also come by email, at once or in the 07:00 digest; in-app they always show.";

    public static IEndpointRouteBuilder MapPreferencesApi(this IEndpointRouteBuilder app)
    {
        var preferences = app.MapGroup("/notification-preferences")
            .WithTag(Tag, TagDescription)
            .RequireAuthorization(RoleRules.Recipients.Policy)
            .RecordsCaller()
            .DescribeProblems();
        preferences.MapGet("/", GetAsync).WithName("GetNotificationPreferences").WithSummary("The caller's email choices for every category");
        preferences.MapPut("/", PutAsync).WithName("UpdateNotificationPreferences").WithSummary("Change the caller's email choices for some categories");

        app.MapPost("/unsubscribe", UnsubscribeAsync)
            .WithTag(Tag, TagDescription)
            .WithName("Unsubscribe")
            .WithSummary("One-click unsubscribe (RFC 8058): the signed, expiring token of an email's link turns its category's email off, without signing in")
            .AllowAnonymous()
            .DescribeProblems()
            .Refuses(StatusCodes.Status400BadRequest, "unsubscribe_link_invalid")
            .Refuses(StatusCodes.Status410Gone, "unsubscribe_link_expired");
        return app;
    }

    public static async Task<Ok<NotificationPreferencesDto>> GetAsync(Caller caller, NotificationsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await PreferencesOfAsync(caller.Id, db, cancellationToken));

    public static async Task<Ok<NotificationPreferencesDto>> PutAsync(
        NotificationPreferencesRequest request, Caller caller, NotificationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var changes = Validated(request);
        await db.InTransactionAsync(async ct =>
        {
            var current = EmailDefaults.Merge(await db.EmailPreferences.Where(p => p.Subject == caller.Id).ToListAsync(ct))
                .ToDictionary(c => c.Category);
            foreach (var change in changes)
            {
                var now = current[change.Category!];
                await SaveAsync(db, caller.Id, change.Category!, change.Email ?? now.Email, change.Delivery ?? now.Delivery, clock.GetUtcNow(), ct);
            }

            return true;
        }, cancellationToken);
        return TypedResults.Ok(await PreferencesOfAsync(caller.Id, db, cancellationToken));
    }

    public static async Task<Ok<UnsubscribedDto>> UnsubscribeAsync(
        string? token, UnsubscribeLinks links, NotificationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (subject, category) = links.Read(token) switch
        {
            UnsubscribeToken.Valid valid => (valid.Subject, valid.Category),
            UnsubscribeToken.Expired => throw new ApiException(StatusCodes.Status410Gone, "unsubscribe_link_expired",
                "This unsubscribe link has expired; sign in and change your email preferences instead."),
            _ => throw new ApiException(StatusCodes.Status400BadRequest, "unsubscribe_link_invalid", "This is not an unsubscribe link the program made."),
        };
        var turnedOff = await db.InTransactionAsync(async ct =>
        {
            var current = EmailDefaults.Merge(await db.EmailPreferences.Where(p => p.Subject == subject).ToListAsync(ct));
            var off = current
                .Where(c => c.Email && (category == UnsubscribeLinks.DailyDigest ? c.Delivery == EmailDelivery.Daily : c.Category == category))
                .ToList();
            foreach (var choice in off)
            {
                await SaveAsync(db, subject, choice.Category, email: false, choice.Delivery, clock.GetUtcNow(), ct);
            }

            return off.Select(c => c.Category).ToList();
        }, cancellationToken);
        return TypedResults.Ok(new UnsubscribedDto(turnedOff));
    }

    private static List<CategoryPreferenceRequest> Validated(NotificationPreferencesRequest request)
    {
        var errors = new FieldErrors();
        var changes = request.Categories ?? [];
        errors.When(request.Categories is null, "categories", "categories is required.")
            .When(changes.Count > MaxChanges, "categories", $"categories holds at most {MaxChanges} entries.");
        for (var index = 0; index < changes.Count && index < MaxChanges; index++)
        {
            var change = changes[index];
            var field = $"categories[{index}]";
            if (change is null)
            {
                errors.Add(field, $"{field} is required.");
                continue;
            }

            errors.When(change.Category is null || !NotificationCategories.IsKnown(change.Category), $"{field}.category",
                    $"{field}.category must be one of: {string.Join(", ", NotificationCategories.All)}.")
                .When(change.Email is null && change.Delivery is null, field, $"{field} must set email, delivery or both.")
                .When(changes.Take(index).Any(c => c?.Category == change.Category), $"{field}.category", $"{field}.category appears twice.");
        }

        errors.ThrowIfAny();
        return [.. changes];
    }

    private static Task SaveAsync(NotificationsDbContext db, string subject, string category, bool email, EmailDelivery delivery, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var preference = EmailPreference.For(subject, category, email, delivery, now);
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO email_preferences (subject, category, email, delivery, updated_at)
            VALUES ({preference.Subject}, {preference.Category}, {preference.Email}, {WireName.Of(preference.Delivery)}, {preference.UpdatedAt})
            ON CONFLICT (subject, category) DO UPDATE SET email = excluded.email, delivery = excluded.delivery, updated_at = excluded.updated_at
            """, cancellationToken);
    }

    private static async Task<NotificationPreferencesDto> PreferencesOfAsync(string subject, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var address = await db.People.Where(p => p.Subject == subject).Select(p => p.Email).FirstOrDefaultAsync(cancellationToken);
        var chosen = await db.EmailPreferences.AsNoTracking().Where(p => p.Subject == subject).ToListAsync(cancellationToken);
        return new NotificationPreferencesDto(address, [.. EmailDefaults.Merge(chosen).Select(c => new CategoryPreferenceDto(c.Category, c.Email, c.Delivery))]);
    }
}
