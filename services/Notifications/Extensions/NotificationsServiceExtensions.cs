using MassTransit;
using MicroInternships.Hosting;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Messaging.Memberships;
using MicroInternships.Messaging.Replay;
using MicroInternships.Notifications.Apis;
using MicroInternships.Notifications.Consumers;
using MicroInternships.Notifications.Consumers.Directory;
using MicroInternships.Notifications.Consumers.Notifying;
using MicroInternships.Notifications.Consumers.Reminders;
using MicroInternships.Notifications.Data;
using MicroInternships.Notifications.Email;
using MicroInternships.Notifications.People;
using MicroInternships.Notifications.Jobs;
using MicroInternships.Notifications.Stream;
using MicroInternships.Notifications.Telemetry;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Jobs;
using MicroInternships.ServiceDefaults.OpenApi;

namespace MicroInternships.Notifications.Extensions;

public static class NotificationsServiceExtensions
{
    public static TBuilder AddNotificationsServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddApiDefaults();
        builder.AddServiceDatabase<NotificationsDbContext>(ResourceNames.NotificationsDb);
        builder.Services.AddMemberCopies<NotificationsDbContext>();
        builder.AddMessaging<NotificationsDbContext>("notifications", bus =>
        {
            AddStateBuilders(bus);
            bus.AddReplayingInboxConsumer<OrganizationMemberAddedConsumer>();
            bus.AddReplayingInboxConsumer<OrganizationMemberRemovedConsumer>();
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
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<PeopleDirectory>();
        builder.Services.AddRequestExamples(NotificationsRequestExamples.All);
        builder.AddEmail();
        return builder;
    }

    public static IEndpointRouteBuilder MapNotificationsApis(this IEndpointRouteBuilder app) =>
        app.MapApi(api => api.MapNotificationsApi().MapPreferencesApi());

    /// <summary>
    /// Email through <c>Smtp:*</c>. With email on (the default) a service outside Development refuses to start without a
    /// mail server, a sender address, the public addresses its links use and a signing key for unsubscribe links;
    /// <c>Email:Enabled=false</c> turns email off, and notifications stay in the app.
    /// </summary>
    private static void AddEmail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName);
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName);
        var email = builder.Configuration.GetSection(EmailOptions.SectionName).Get<EmailOptions>() ?? new EmailOptions();
        var smtp = builder.Configuration.GetSection(SmtpOptions.SectionName).Get<SmtpOptions>() ?? new SmtpOptions();
        if (email.Enabled)
        {
            var wrong = EmailSettingsProblems(email, smtp);
            if (wrong.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Email is on but {string.Join(", ", wrong)} {(wrong.Count == 1 ? "is" : "are")} missing or invalid; configure them " +
                    "(docs/notifications.md, Email) or set Email:Enabled=false to keep notifications in the app only.");
            }
        }

        builder.Services.AddSingleton<UnsubscribeLinks>();
        builder.Services.AddSingleton<EmailComposer>();
        builder.Services.AddSingleton<SmtpMailer>();
        builder.Services.AddScoped<EmailQueue>();
        builder.Services.AddScoped<EmailSender>();
        builder.Services.AddScoped<DailyDigest>();
        builder.Services.AddSingleton<JobWakeUp<EmailSendingJob>>();
        if (email.Enabled)
        {
            builder.Services.AddHostedService<EmailSendingJob>();
            builder.Services.AddHostedService<DigestJob>();
        }
    }

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
        bus.AddInboxConsumer<CredentialRevokedConsumer>();
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
        bus.AddInboxConsumer<ContactEmailRequestedConsumer>();
    }

    private static List<string> EmailSettingsProblems(EmailOptions email, SmtpOptions smtp) => new[]
    {
        ("Smtp:Host", string.IsNullOrWhiteSpace(smtp.Host)),
        ("Email:FromAddress", !(System.Net.Mail.MailAddress.TryCreate(email.FromAddress, out var from) && from.Address == email.FromAddress)),
        ("Email:WebsiteUrl", email.WebsiteUrl is not { IsAbsoluteUri: true }),
        ("Email:ApiUrl", email.ApiUrl is not { IsAbsoluteUri: true }),
        ("Email:UnsubscribeSigningKey", email.UnsubscribeSigningKey.Length < UnsubscribeLinks.MinimumKeyLength),
        ("Email:DigestHour", email.DigestHour is < 0 or > 23),
        ("Email:BatchSize", email.BatchSize < 1),
        ("Email:SendConcurrency", email.SendConcurrency < 1),
        ("Email:SendLease", email.SendLease <= smtp.LongestSend),
    }.Where(setting => setting.Item2).Select(setting => setting.Item1).ToList();
}
