using MassTransit;
using MicroInternships.Contracts.Events;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Domain;

namespace MicroInternships.Notifications.Consumers.Notifying;

/// <summary>Registrant: a seat is theirs.</summary>
public sealed class RegistrationConfirmedConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<RegistrationConfirmedConsumer> logger)
    : InboxConsumer<RegistrationConfirmed, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<RegistrationConfirmed> context, CancellationToken cancellationToken)
    {
        var registration = context.Message.Registration;
        var institute = await notifier.InstituteAsync(registration.EventId, cancellationToken);
        await notifier.NotifyAsync(
            Recipient.Person(registration.AttendeeId), NotificationCategories.RegistrationConfirmed, $"Registered: {institute.Title}",
            $"Your seat is confirmed. It starts {Wording.Moment(institute.StartsAt, institute.TimeZone)} at {institute.Venue}.",
            $"/events/{institute.Id}", context.MessageId!.Value, cancellationToken);
    }
}

/// <summary>Registrant: the event is full and they are in line.</summary>
public sealed class RegistrationWaitlistedConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<RegistrationWaitlistedConsumer> logger)
    : InboxConsumer<RegistrationWaitlisted, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<RegistrationWaitlisted> context, CancellationToken cancellationToken)
    {
        var registration = context.Message.Registration;
        var institute = await notifier.InstituteAsync(registration.EventId, cancellationToken);
        var position = registration.WaitlistPosition is { } p ? $" at position {p}" : "";
        await notifier.NotifyAsync(
            Recipient.Person(registration.AttendeeId), NotificationCategories.RegistrationWaitlisted, $"Waitlisted: {institute.Title}",
            $"The event is full; you are on the waitlist{position}. A freed seat goes to the first in line.",
            $"/events/{institute.Id}", context.MessageId!.Value, cancellationToken);
    }
}

/// <summary>Registrant: a seat came free and is now theirs.</summary>
public sealed class RegistrationPromotedConsumer(NotificationsDbContext db, Notifier notifier, MessagingMetrics metrics, ILogger<RegistrationPromotedConsumer> logger)
    : InboxConsumer<RegistrationPromoted, NotificationsDbContext>(db, metrics, logger)
{
    protected override async Task HandleAsync(ConsumeContext<RegistrationPromoted> context, CancellationToken cancellationToken)
    {
        var registration = context.Message.Registration;
        var institute = await notifier.InstituteAsync(registration.EventId, cancellationToken);
        await notifier.NotifyAsync(
            Recipient.Person(registration.AttendeeId), NotificationCategories.RegistrationPromoted, $"Off the waitlist: {institute.Title}",
            $"A seat came free and it is yours. It starts {Wording.Moment(institute.StartsAt, institute.TimeZone)} at {institute.Venue}.",
            $"/events/{institute.Id}", context.MessageId!.Value, cancellationToken);
    }
}
