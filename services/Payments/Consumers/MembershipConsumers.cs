using MassTransit;
using MicroInternships.Contracts.Listings;
using MicroInternships.Payments.Data;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Messaging.Memberships;

namespace MicroInternships.Payments.Consumers;

/// <summary>Payments' copy of Listings' memberships, which the membership gate checks every partner's call against.</summary>
public sealed class OrganizationMemberAddedConsumer(
    PaymentsDbContext db, MemberCopies<PaymentsDbContext> members, MessagingMetrics metrics, ILogger<OrganizationMemberAddedConsumer> logger)
    : InboxConsumer<OrganizationMemberAdded, PaymentsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<OrganizationMemberAdded> context, CancellationToken cancellationToken) =>
        members.ApplyAsync(context.Message.Membership, cancellationToken);
}

public sealed class OrganizationMemberRemovedConsumer(
    PaymentsDbContext db, MemberCopies<PaymentsDbContext> members, MessagingMetrics metrics, ILogger<OrganizationMemberRemovedConsumer> logger)
    : InboxConsumer<OrganizationMemberRemoved, PaymentsDbContext>(db, metrics, logger)
{
    protected override bool AppliesReplayedEvents => true;

    protected override Task HandleAsync(ConsumeContext<OrganizationMemberRemoved> context, CancellationToken cancellationToken) =>
        members.ApplyAsync(context.Message.Membership, cancellationToken);
}
