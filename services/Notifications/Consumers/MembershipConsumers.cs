using MassTransit;
using MicroInternships.Contracts.Listings;
using MicroInternships.Notifications.Data;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Messaging.Memberships;

namespace MicroInternships.Notifications.Consumers;

/// <summary>Notifications' copy of Listings' memberships, which the membership gate checks every partner's call against.</summary>
public sealed class OrganizationMemberAddedConsumer(
    NotificationsDbContext db, MemberCopies<NotificationsDbContext> members, MessagingMetrics metrics, ILogger<OrganizationMemberAddedConsumer> logger)
    : InboxConsumer<OrganizationMemberAdded, NotificationsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<OrganizationMemberAdded> context, CancellationToken cancellationToken) =>
        members.ApplyAsync(context.Message.Membership, cancellationToken);
}

public sealed class OrganizationMemberRemovedConsumer(
    NotificationsDbContext db, MemberCopies<NotificationsDbContext> members, MessagingMetrics metrics, ILogger<OrganizationMemberRemovedConsumer> logger)
    : InboxConsumer<OrganizationMemberRemoved, NotificationsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<OrganizationMemberRemoved> context, CancellationToken cancellationToken) =>
        members.ApplyAsync(context.Message.Membership, cancellationToken);
}
