using MassTransit;
using MicroInternships.Contracts.Listings;
using MicroInternships.Events.Data;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Messaging.Memberships;

namespace MicroInternships.Events.Consumers;

/// <summary>Events' copy of Listings' memberships, which the membership gate checks every partner's call against.</summary>
public sealed class OrganizationMemberAddedConsumer(
    EventsDbContext db, MemberCopies<EventsDbContext> members, MessagingMetrics metrics, ILogger<OrganizationMemberAddedConsumer> logger)
    : InboxConsumer<OrganizationMemberAdded, EventsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<OrganizationMemberAdded> context, CancellationToken cancellationToken) =>
        members.ApplyAsync(context.Message.Membership, cancellationToken);
}

public sealed class OrganizationMemberRemovedConsumer(
    EventsDbContext db, MemberCopies<EventsDbContext> members, MessagingMetrics metrics, ILogger<OrganizationMemberRemovedConsumer> logger)
    : InboxConsumer<OrganizationMemberRemoved, EventsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<OrganizationMemberRemoved> context, CancellationToken cancellationToken) =>
        members.ApplyAsync(context.Message.Membership, cancellationToken);
}
