using MicroInternships.Listings.Domain;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Listings.Data;

/// <summary>The memberships as Listings owns them: what the membership gate checks a partner's call to Listings against.</summary>
public sealed class Memberships(ListingsDbContext db) : IOrganizationMemberships
{
    private static readonly Func<ListingsDbContext, Guid, string, CancellationToken, Task<MembershipStatus?>> _statusOf = EF.CompileAsyncQuery(
        (ListingsDbContext context, Guid organizationId, string subject, CancellationToken cancellationToken) => context.Memberships
            .Where(m => m.OrganizationId == organizationId && m.Subject == subject)
            .Select(m => (MembershipStatus?)m.Status)
            .FirstOrDefault());

    public async Task<MemberStanding> StandingAsync(Guid organizationId, string subject, CancellationToken cancellationToken) =>
        await _statusOf(db, organizationId, subject, cancellationToken) switch
        {
            null => MemberStanding.Unknown,
            MembershipStatus.Active => MemberStanding.Active,
            _ => MemberStanding.Removed,
        };
}
