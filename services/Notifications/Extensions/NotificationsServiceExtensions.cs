using MassTransit;
using MicroInternships.Hosting;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Messaging.Replay;
using MicroInternships.Notifications.Apis;
using MicroInternships.Notifications.Consumers;
using MicroInternships.Notifications.Consumers.Directory;
using MicroInternships.Notifications.Consumers.Notifying;
using MicroInternships.Notifications.Consumers.Reminders;
using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Jobs;
using MicroInternships.Notifications.Stream;
using MicroInternships.Notifications.Telemetry;
using MicroInternships.ServiceDefaults.Api;

namespace MicroInternships.Notifications.Extensions;

public static class NotificationsServiceExtensions
{
    public static TBuilder AddNotificationsServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddApiDefaults();
        builder.AddServiceDatabase<NotificationsDbContext>(ResourceNames.NotificationsDb);
        builder.AddMessaging<NotificationsDbContext>("notifications", bus =>
        {
            AddStateBuilders(bus);
            AddNotifiers(bus);
        });
        builder.Services.Configure<NotificationOptions>(builder.Configuration.GetSection(NotificationOptions.SectionName));
        builder.Services.AddSingleton<NotificationsMetrics>();
        builder.Services.AddScoped<Notifier>();
        builder.Services.AddSingleton<Wording>();
        builder.Services.AddScoped<ReminderSweeper>();
        builder.Services.AddHostedService<ReminderJob>();
        builder.Services.AddSingleton<NotificationFeed>();
        builder.Services.AddHostedService(services => services.GetRequiredService<NotificationFeed>());
        builder.Services.AddScoped<NotificationStream>();
        return builder;
    }

    public static IEndpointRouteBuilder MapNotificationsApis(this IEndpointRouteBuilder app) => app.MapApi(api => api.MapNotificationsApi());

    /// <summary>The directory and the reminders: state, learned again from the publishers' history by replay.</summary>
    private static void AddStateBuilders(IBusRegistrationConfigurator bus)
    {
        bus.AddReplayingInboxConsumer<ListingDraftedDirectoryConsumer>();
        bus.AddReplayingInboxConsumer<ListingPublishedDirectoryConsumer>();
        bus.AddReplayingInboxConsumer<ListingUpdatedDirectoryConsumer>();
        bus.AddReplayingInboxConsumer<CourseCreatedDirectoryConsumer>();
        bus.AddReplayingInboxConsumer<CourseUpdatedDirectoryConsumer>();
        bus.AddReplayingInboxConsumer<PlacementStartedDirectoryConsumer>();
        bus.AddReplayingInboxConsumer<EventCreatedDirectoryConsumer>();
        bus.AddReplayingInboxConsumer<EventUpdatedDirectoryConsumer>();

        bus.AddReplayingInboxConsumer<ApplicationOfferedReminderConsumer>();
        bus.AddReplayingInboxConsumer<ApplicationAcceptedReminderConsumer>();
        bus.AddReplayingInboxConsumer<ApplicationDeclinedReminderConsumer>();
        bus.AddReplayingInboxConsumer<ApplicationWithdrawnReminderConsumer>();
        bus.AddReplayingInboxConsumer<ApplicationRejectedReminderConsumer>();
        bus.AddReplayingInboxConsumer<ApplicationExpiredReminderConsumer>();
        bus.AddReplayingInboxConsumer<PlacementSubmittedReminderConsumer>();
        bus.AddReplayingInboxConsumer<PlacementCompletedReminderConsumer>();
        bus.AddReplayingInboxConsumer<PlacementRevisionRequestedReminderConsumer>();
        bus.AddReplayingInboxConsumer<PlacementCancelledReminderConsumer>();
        bus.AddReplayingInboxConsumer<RegistrationConfirmedReminderConsumer>();
        bus.AddReplayingInboxConsumer<RegistrationPromotedReminderConsumer>();
        bus.AddReplayingInboxConsumer<RegistrationCancelledReminderConsumer>();
    }

    /// <summary>What tells someone something: live events only, so a replay never notifies of the past.</summary>
    private static void AddNotifiers(IBusRegistrationConfigurator bus)
    {
        bus.AddInboxConsumer<ApplicationSubmittedConsumer>();
        bus.AddInboxConsumer<ApplicationOfferedConsumer>();
        bus.AddInboxConsumer<ApplicationAcceptedConsumer>();
        bus.AddInboxConsumer<ApplicationDeclinedConsumer>();
        bus.AddInboxConsumer<ApplicationRejectedConsumer>();
        bus.AddInboxConsumer<ApplicationExpiredConsumer>();
        bus.AddInboxConsumer<PlacementSubmittedConsumer>();
        bus.AddInboxConsumer<PlacementRevisionRequestedConsumer>();
        bus.AddInboxConsumer<PlacementCompletedConsumer>();
        bus.AddInboxConsumer<PlacementSettledConsumer>();
        bus.AddInboxConsumer<PlacementSettlementDisputableConsumer>();
        bus.AddInboxConsumer<PlacementSettlementEscalatedConsumer>();
        bus.AddInboxConsumer<PlacementCancelledConsumer>();
        bus.AddInboxConsumer<FeedbackRevealedConsumer>();
        bus.AddInboxConsumer<ReflectionAddedConsumer>();
        bus.AddInboxConsumer<PayoutOnHoldConsumer>();
        bus.AddInboxConsumer<PayoutPaidConsumer>();
        bus.AddInboxConsumer<PayoutFailedConsumer>();
        bus.AddInboxConsumer<PayoutReturnedConsumer>();
        bus.AddInboxConsumer<PayoutFlaggedConsumer>();
        bus.AddInboxConsumer<FundChangedConsumer>();
        bus.AddInboxConsumer<RegistrationConfirmedConsumer>();
        bus.AddInboxConsumer<RegistrationWaitlistedConsumer>();
        bus.AddInboxConsumer<RegistrationPromotedConsumer>();
        bus.AddInboxConsumer<CourseRequestMadeConsumer>();
        bus.AddInboxConsumer<CourseRequestAnsweredConsumer>();
        bus.AddInboxConsumer<CourseListingLinkedConsumer>();
        bus.AddInboxConsumer<ListingClosedConsumer>();
    }
}
