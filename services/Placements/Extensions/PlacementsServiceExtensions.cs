using MicroInternships.Contracts.Placements;
using MicroInternships.Hosting;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Memberships;
using MicroInternships.Messaging.Replay;
using MicroInternships.Placements.Apis;
using MicroInternships.Placements.Consumers;
using MicroInternships.Placements.Credentials;
using MicroInternships.Placements.Data;
using MicroInternships.Placements.Domain;
using MicroInternships.Placements.Jobs;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.OpenApi;

namespace MicroInternships.Placements.Extensions;

public static class PlacementsServiceExtensions
{
    public static TBuilder AddPlacementsServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddApiDefaults();
        builder.Services.AddRequestExamples(PlacementsRequestExamples.All);
        builder.AddServiceDatabase<PlacementsDbContext>(ResourceNames.PlacementsDb);
        // Every consumer here copies what another service owns, so each learns that service's history by replay too.
        builder.Services.AddMemberCopies<PlacementsDbContext>();
        builder.AddMessaging<PlacementsDbContext>("placements", bus =>
        {
            bus.AddReplayingInboxConsumer<ListingPublishedConsumer>();
            bus.AddReplayingInboxConsumer<OrganizationMemberAddedConsumer>();
            bus.AddReplayingInboxConsumer<OrganizationMemberRemovedConsumer>();
            bus.AddReplayingInboxConsumer<ListingUpdatedConsumer>();
            bus.AddReplayingInboxConsumer<ListingClosedConsumer>();
            bus.AddReplayingInboxConsumer<ListingCancelledConsumer>();
            bus.AddReplayingInboxConsumer<CourseListingLinkedConsumer>();
            bus.AddReplayingInboxConsumer<CourseListingUnlinkedConsumer>();
            bus.AddReplayingInboxConsumer<PayoutPaidConsumer>();
            bus.AddReplayingInboxConsumer<PayoutFailedConsumer>();
            bus.AddReplayingInboxConsumer<PayoutReturnedConsumer>();
            bus.AddReplayingInboxConsumer<FundReservationRefusedConsumer>();
            bus.AddReplayingInboxConsumer<PayoutOpenedConsumer>();
            bus.AddReplayingInboxConsumer<PayoutOnHoldConsumer>();
            bus.AddReplayingInboxConsumer<PayoutFundedConsumer>();
            bus.AddReplayingInboxConsumer<PayoutRetriedConsumer>();
        });
        // Listings counts seats from these; Payments reserves on start and pays on completion or a final settlement.
        builder.AddSubscribedEvents(typeof(PlacementStarted), typeof(PlacementCancelled), typeof(PlacementCompleted), typeof(PlacementSettled));
        // Notifications tells the student of a revoked credential.
        builder.AddSubscribedEvents(typeof(CredentialRevoked));

        builder.Services.Configure<PlacementRules>(builder.Configuration.GetSection(PlacementRules.SectionName));
        builder.Services.Configure<ClockOptions>(builder.Configuration.GetSection(ClockOptions.SectionName));
        builder.Services.Configure<RecordOptions>(builder.Configuration.GetSection(RecordOptions.SectionName));
        builder.AddCredentials();
        builder.Services.AddScoped<Capacity>();
        builder.Services.AddScoped<PlacementOutcomes>();
        builder.Services.AddScoped<ListingCopies>();
        builder.Services.AddScoped<PaymentRecorder>();
        builder.Services.AddScoped<TimeRulesSweeper>();
        builder.Services.AddHostedService<TimeRulesJob>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPlacementsApis(this IEndpointRouteBuilder app) => app.MapApi(api =>
    {
        api.MapApplicationsApi();
        api.MapPlacementsApi();
        api.MapVerifyApi();
        api.MapCredentialsApi();
        api.MapPortfolioApi();
    }).MapCredentialKeys();

    /// <summary>
    /// The credential keys are loaded here, while the service starts, so a service outside Development without its
    /// signing key refuses to start instead of failing its first completion.
    /// </summary>
    private static void AddCredentials(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(CredentialOptions.SectionName);
        builder.Services.Configure<CredentialOptions>(section);
        builder.Services.AddSingleton(CredentialKeys.Load(section.Get<CredentialOptions>() ?? new CredentialOptions(), builder.Environment.IsDevelopment()));
        var records = builder.Configuration.GetSection(RecordOptions.SectionName).Get<RecordOptions>() ?? new RecordOptions();
        builder.Services.AddSingleton(new CredentialUrls(records.VerifyBaseUrl));
        builder.Services.AddScoped<CredentialIssuance>();
    }
}
