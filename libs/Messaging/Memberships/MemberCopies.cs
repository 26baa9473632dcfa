using MicroInternships.Contracts.Listings;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Messaging.Memberships;

/// <summary>
/// The memberships this service follows from Listings' events, and the answer the membership gate asks of them. A
/// snapshot is applied in one statement that keeps the newer version, so duplicates, reordering and replays change
/// nothing and two consumers racing on one membership end at the newer snapshot.
/// </summary>
public sealed class MemberCopies<TContext>(TContext db) : IOrganizationMemberships
    where TContext : DbContext
{
    private static readonly Func<TContext, Guid, string, CancellationToken, Task<bool?>> _activeOf = EF.CompileAsyncQuery(
        (TContext context, Guid organizationId, string subject, CancellationToken cancellationToken) => context.Set<MemberCopy>()
            .Where(m => m.OrganizationId == organizationId && m.Subject == subject)
            .Select(m => (bool?)m.Active)
            .FirstOrDefault());

    public async Task<MemberStanding> StandingAsync(Guid organizationId, string subject, CancellationToken cancellationToken) =>
        await _activeOf(db, organizationId, subject, cancellationToken) switch
        {
            null => MemberStanding.Unknown,
            true => MemberStanding.Active,
            false => MemberStanding.Removed,
        };

    /// <summary>Within the consuming transaction: the copy becomes the snapshot unless it already holds a newer one.</summary>
    public Task ApplyAsync(MembershipSnapshot snapshot, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(Upsert(snapshot), cancellationToken);

    /// <summary>The one statement that applies a snapshot, for a service that writes it with others in one batch (Insights).</summary>
    public static FormattableString Upsert(MembershipSnapshot snapshot) => $"""
        INSERT INTO organization_members (organization_id, subject, active, version)
        VALUES ({snapshot.OrganizationId}, {snapshot.Subject}, {snapshot.Status == "active"}, {snapshot.Version})
        ON CONFLICT (organization_id, subject) DO UPDATE SET active = EXCLUDED.active, version = EXCLUDED.version
        WHERE organization_members.version < EXCLUDED.version
        """;
}
