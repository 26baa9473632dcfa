using MicroInternships.Contracts.Listings;
using MicroInternships.Insights.Data;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Memberships;

namespace MicroInternships.Insights.Consumers;

/// <summary>
/// Insights' copy of Listings' memberships, which the membership gate checks every partner's call against. Facts like
/// the others, so a rebuild's replayed pages carry them too.
/// </summary>
public sealed class OrganizationMemberAddedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<OrganizationMemberAddedFact> logger)
    : FactConsumer<OrganizationMemberAdded>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, OrganizationMemberAdded m) => batch.Add(MemberCopies<InsightsDbContext>.Upsert(m.Membership));
}

public sealed class OrganizationMemberRemovedFact(InsightsDbContext db, MessagingMetrics metrics, ILogger<OrganizationMemberRemovedFact> logger)
    : FactConsumer<OrganizationMemberRemoved>(db, metrics, logger)
{
    protected override void Write(FactBatch batch, OrganizationMemberRemoved m) => batch.Add(MemberCopies<InsightsDbContext>.Upsert(m.Membership));
}
