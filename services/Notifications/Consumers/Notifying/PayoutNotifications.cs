using MassTransit;
using MicroInternships.Contracts.Payments;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Consumers.Directory;
using MicroInternships.Notifications.Domain;
using MicroInternships.ServiceDefaults.Identity;

namespace MicroInternships.Notifications.Consumers.Notifying;

/// <summary>Student: their payout waits for money; coordinators: a fund ran out under a payout.</summary>
public sealed class PayoutOnHoldConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<PayoutOnHoldConsumer> logger)
    : InboxConsumer<PayoutOnHold, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<PayoutOnHold> context, CancellationToken cancellationToken)
    {
        var (payout, id) = (context.Message.Payout, context.MessageId!.Value);
        var amount = Wording.Money(payout.AmountCents, payout.Currency);
        await notifier.NotifyAsync(
            Recipient.Person(payout.StudentId), NotificationCategories.PayoutOnHold, "Your payout is on hold",
            $"The program is arranging the money for your {amount} payout; nothing is needed from you.", "/payouts", id, cancellationToken);
        await notifier.NotifyAsync(
            Recipient.Role(Roles.Coordinator), NotificationCategories.PayoutOnHold, "A payout is on hold: its fund is exhausted",
            $"A {amount} payout waits for money; top its fund up or move the payout to another fund.", "/funds", id, cancellationToken);
    }
}

/// <summary>Student: the money is sent.</summary>
public sealed class PayoutPaidConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<PayoutPaidConsumer> logger)
    : InboxConsumer<PayoutPaid, NotificationsDbContext>(db, metrics, logger)
{
    protected override Task HandleAsync(ConsumeContext<PayoutPaid> context, CancellationToken cancellationToken)
    {
        var paid = context.Message;
        return notifier.NotifyAsync(
            Recipient.Person(paid.Payout.StudentId), NotificationCategories.PayoutPaid, $"Paid: {Wording.Money(paid.AmountCents, paid.Currency)}",
            "The payment partner has sent your payout.", "/payouts", context.MessageId!.Value, cancellationToken);
    }
}

/// <summary>Student: the payment did not go through, most often a payment profile to correct; coordinators: from the second failure on.</summary>
public sealed class PayoutFailedConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<PayoutFailedConsumer> logger)
    : InboxConsumer<PayoutFailed, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<PayoutFailed> context, CancellationToken cancellationToken)
    {
        var (failed, id) = (context.Message, context.MessageId!.Value);
        var amount = Wording.Money(failed.AmountCents, failed.Currency);
        await notifier.NotifyAsync(
            Recipient.Person(failed.Payout.StudentId), NotificationCategories.PayoutFailed, "Your payout failed: check your payment profile",
            $"The payment partner could not pay {amount} ({failed.Reason}). Check your payment profile; the program will try again.", "/payouts", id, cancellationToken);
        if (failed.Attempt >= 2)
        {
            await notifier.NotifyAsync(
                Recipient.Role(Roles.Coordinator), NotificationCategories.PayoutFailedTwice, $"A payout failed {failed.Attempt} times",
                $"The {amount} payout failed again ({failed.Reason}).", "/payouts", id, cancellationToken);
        }
    }
}

/// <summary>Student: the money came back after it was paid.</summary>
public sealed class PayoutReturnedConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<PayoutReturnedConsumer> logger)
    : InboxConsumer<PayoutReturned, NotificationsDbContext>(db, metrics, logger)
{
    protected override Task HandleAsync(ConsumeContext<PayoutReturned> context, CancellationToken cancellationToken)
    {
        var returned = context.Message;
        return notifier.NotifyAsync(
            Recipient.Person(returned.Payout.StudentId), NotificationCategories.PayoutReturned, "Your payout came back: check your payment profile",
            $"The {Wording.Money(returned.AmountCents, returned.Currency)} sent to you was returned ({returned.Reason}). Check your payment profile.",
            "/payouts", context.MessageId!.Value, cancellationToken);
    }
}

/// <summary>Coordinators: a payment partner's report did not add up.</summary>
public sealed class PayoutFlaggedConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<PayoutFlaggedConsumer> logger)
    : InboxConsumer<PayoutFlagged, NotificationsDbContext>(db, metrics, logger)
{
    protected override Task HandleAsync(ConsumeContext<PayoutFlagged> context, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(
            Recipient.Role(Roles.Coordinator), NotificationCategories.PayoutFlagged, "A payout was flagged",
            $"A payment partner's report needs a look: {context.Message.Reason}", "/payouts", context.MessageId!.Value, cancellationToken);
}

/// <summary>Coordinators: a fund went below a tenth of its budget (once per crossing).</summary>
public sealed class FundChangedConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<FundChangedConsumer> logger)
    : InboxConsumer<FundChanged, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<FundChanged> context, CancellationToken cancellationToken)
    {
        var fund = context.Message.Fund;
        var entry = await Db.EntryAsync(fund.FundId, FundEntry.Create, cancellationToken);
        if (entry.Apply(fund.Version, fund.AvailableCents, fund.BudgetCents))
        {
            await notifier.NotifyAsync(
                Recipient.Role(Roles.Coordinator), NotificationCategories.FundLow, $"{fund.Name} is below 10% of its budget",
                $"{Wording.Money(fund.AvailableCents, fund.Currency)} of {Wording.Money(fund.BudgetCents, fund.Currency)} is left.", "/funds",
                context.MessageId!.Value, cancellationToken);
        }
    }
}
