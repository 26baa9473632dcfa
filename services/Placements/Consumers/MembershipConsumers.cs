using MassTransit;
using MicroInternships.Contracts.Listings;
using MicroInternships.Placements.Data;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Messaging.Memberships;

namespace MicroInternships.Placements.Consumers;

/// <summary>Placements' copy of Listings' memberships, which the membership gate checks every partner's call against.</summary>
public sealed class OrganizationMemberAddedConsumer(
    PlacementsDbContext db, MemberCopies<PlacementsDbContext> members, MessagingMetrics metrics, ILogger<OrganizationMemberAddedConsumer> logger)
    : InboxConsumer<OrganizationMemberAdded, PlacementsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<OrganizationMemberAdded> context, CancellationToken cancellationToken) =>
        members.ApplyAsync(context.Message.Membership, cancellationToken);
}

public sealed class OrganizationMemberRemovedConsumer(
    PlacementsDbContext db, MemberCopies<PlacementsDbContext> members, MessagingMetrics metrics, ILogger<OrganizationMemberRemovedConsumer> logger)
    : InboxConsumer<OrganizationMemberRemoved, PlacementsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<OrganizationMemberRemoved> context, CancellationToken cancellationToken) =>
        members.ApplyAsync(context.Message.Membership, cancellationToken);
}
