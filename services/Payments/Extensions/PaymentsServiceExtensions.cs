using MicroInternships.Contracts.Payments;
using MicroInternships.Hosting;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Memberships;
using MicroInternships.Messaging.Replay;
using MicroInternships.Messaging.Inbox;
using MicroInternships.PaymentPartner;
using MicroInternships.Payments.Apis;
using MicroInternships.Payments.Consumers;
using MicroInternships.Payments.Data;
using MicroInternships.Payments.Domain;
using MicroInternships.Payments.Partner;
using MicroInternships.Payments.Telemetry;
using MicroInternships.Payments.Webhooks;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Jobs;
using MicroInternships.ServiceDefaults.OpenApi;

namespace MicroInternships.Payments.Extensions;

public static class PaymentsServiceExtensions
{
    public static TBuilder AddPaymentsServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddApiDefaults();
        builder.Services.AddRequestExamples(PaymentsRequestExamples.All);
        builder.AddServiceDatabase<PaymentsDbContext>(ResourceNames.PaymentsDb);
        builder.Services.AddMemberCopies<PaymentsDbContext>();
        builder.AddMessaging<PaymentsDbContext>("payments", bus =>
        {
            bus.AddInboxConsumer<PlacementStartedConsumer>();
            bus.AddReplayingInboxConsumer<OrganizationMemberAddedConsumer>();
            bus.AddReplayingInboxConsumer<OrganizationMemberRemovedConsumer>();
            bus.AddInboxConsumer<PlacementCompletedConsumer>();
            bus.AddInboxConsumer<PlacementSettledConsumer>();
        });
        // Placements follows each placement's payment from these.
        builder.AddSubscribedEvents(
            typeof(PayoutOpened), typeof(PayoutOnHold), typeof(PayoutFunded), typeof(PayoutRetried), typeof(PayoutPaid), typeof(PayoutFailed), typeof(PayoutReturned),
            typeof(FundReservationRefused));

        var partner = builder.Configuration.GetSection(PaymentPartnerOptions.SectionName);
        builder.Services.Configure<PaymentPartnerOptions>(partner);
        var options = partner.Get<PaymentPartnerOptions>() ?? new PaymentPartnerOptions();
        if (string.IsNullOrWhiteSpace(options.WebhookSecret) || options.BaseUrl is null)
        {
            throw new InvalidOperationException(
                "PaymentPartner:BaseUrl and PaymentPartner:WebhookSecret (whsec_...) must be configured; Development settings give local defaults.");
        }

        builder.Services.AddSingleton(new WebhookSignature(options.WebhookSecret));
        builder.Services.AddHttpClient<PaymentPartnerClient>(http => http.BaseAddress = options.BaseUrl);
        builder.Services.AddSingleton<PaymentsMetrics>();
        builder.Services.AddScoped<FundLedger>();
        builder.Services.AddScoped<Funding>();
        builder.Services.AddScoped<PayoutOpener>();
        builder.Services.AddScoped<PayoutSubmitter>();
        builder.Services.AddScoped<WebhookProcessor>();
        builder.Services.AddSingleton<JobWakeUp<PayoutSubmissionJob>>();
        builder.Services.AddHostedService<PayoutSubmissionJob>();
        builder.Services.AddHostedService<UnsettledPayoutsMonitor>();
        builder.Services.AddSingleton<ProcessedWebhookPruner>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ProcessedWebhookPruner>());
        return builder;
    }

    /// <summary>The API under <c>/api</c> (and <c>/api/v1</c>); the partner's webhook keeps the one address it was given.</summary>
    public static IEndpointRouteBuilder MapPaymentsApis(this IEndpointRouteBuilder app)
    {
        app.MapApi(api =>
        {
            api.MapPayoutsApi();
            api.MapFundsApi();
        });
        app.MapPaymentPartnerWebhook();
        return app;
    }
}
