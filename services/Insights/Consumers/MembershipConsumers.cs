using MassTransit;
using MicroInternships.Contracts.Listings;
using MicroInternships.Insights.Data;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Messaging.Memberships;

namespace MicroInternships.Insights.Consumers;

/// <summary>Insights' copy of Listings' memberships, which the membership gate checks every partner's call against.</summary>
public sealed class OrganizationMemberAddedConsumer(
    InsightsDbContext db, MemberCopies<InsightsDbContext> members, MessagingMetrics metrics, ILogger<OrganizationMemberAddedConsumer> logger)
    : InboxConsumer<OrganizationMemberAdded, InsightsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<OrganizationMemberAdded> context, CancellationToken cancellationToken) =>
        members.ApplyAsync(context.Message.Membership, cancellationToken);
}

public sealed class OrganizationMemberRemovedConsumer(
    InsightsDbContext db, MemberCopies<InsightsDbContext> members, MessagingMetrics metrics, ILogger<OrganizationMemberRemovedConsumer> logger)
    : InboxConsumer<OrganizationMemberRemoved, InsightsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<OrganizationMemberRemoved> context, CancellationToken cancellationToken) =>
        members.ApplyAsync(context.Message.Membership, cancellationToken);
}
