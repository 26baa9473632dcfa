using System.Net.Mail;
using System.Security.Claims;
using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Domain;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace MicroInternships.Notifications.People;

/// <summary>
/// Records each caller as their token describes them (<see cref="Person"/>), and answers who a recipient's members
/// are. The website asks for the unread count on every page, so a person's latest token is recorded within a page
/// view of signing in; a token already recorded is not written again.
/// </summary>
public sealed class PeopleDirectory(NotificationsDbContext db, IMemoryCache recorded, TimeProvider clock)
{
    private static readonly TimeSpan Remembered = TimeSpan.FromMinutes(10);

    public async Task RecordAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var email = ValidAddress(user.FindFirstValue(ClaimNames.Email));
        var issuedAt = IssuedAt(user);
        var token = (caller, email, issuedAt);
        if (recorded.TryGetValue(caller.Id, out (Caller, string?, DateTimeOffset) last) && last == token)
        {
            return;
        }

        var person = Person.From(caller, email, issuedAt);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO people (subject, email, name, role, organization_id, token_issued_at)
            VALUES ({person.Subject}, {person.Email}, {person.Name}, {person.Role}, {person.OrganizationId}, {person.TokenIssuedAt})
            ON CONFLICT (subject) DO UPDATE SET
                email = excluded.email, name = excluded.name, role = excluded.role,
                organization_id = excluded.organization_id, token_issued_at = excluded.token_issued_at
            WHERE people.token_issued_at <= excluded.token_issued_at
            """, cancellationToken);
        recorded.Set(caller.Id, token, Remembered);
    }

    /// <summary>The people a notification to <paramref name="recipient"/> reaches: the person, an organization's partners, a role's holders.</summary>
    public IQueryable<Person> MembersOf(Recipient recipient)
    {
        var people = db.People.AsNoTracking();
        return recipient.Kind switch
        {
            RecipientKind.Person => people.Where(p => p.Subject == recipient.Key),
            RecipientKind.Organization => people.Where(p => p.Role == Roles.Partner && p.OrganizationId == Guid.Parse(recipient.Key)),
            RecipientKind.Role => people.Where(p => p.Role == recipient.Key),
            _ => throw new ArgumentOutOfRangeException(nameof(recipient), recipient.Kind, null),
        };
    }

    /// <summary>A token without <c>iat</c> counts as issued now: it is the latest the service has seen.</summary>
    private DateTimeOffset IssuedAt(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue("iat"), out var seconds) && seconds >= 0 && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : clock.GetUtcNow();

    /// <summary>Only an address mail can go to is kept; anything else means no email, not a failed send every time.</summary>
    private static string? ValidAddress(string? email) =>
        email is { Length: > 0 and <= 254 } && MailAddress.TryCreate(email, out var address) && address.Address == email ? email : null;
}
