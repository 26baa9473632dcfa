using MicroInternships.Hosting;
using MicroInternships.Insights.Apis;
using MicroInternships.Insights.Consumers;
using MicroInternships.Insights.Data;
using MicroInternships.Insights.Memory;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Replay;
using MicroInternships.ServiceDefaults.Api;

namespace MicroInternships.Insights.Extensions;

public static class InsightsServiceExtensions
{
    /// <summary>Every consumer builds the read model, so each takes replays: a new or emptied database learns the whole history.</summary>
    public static TBuilder AddInsightsServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddApiDefaults();
        builder.AddServiceDatabase<InsightsDbContext>(ResourceNames.InsightsDb);
        builder.AddMessaging<InsightsDbContext>("insights", bus =>
        {
            bus.AddReplayingInboxConsumer<OrganizationCreatedFact>();
            bus.AddReplayingInboxConsumer<OrganizationUpdatedFact>();
            bus.AddReplayingInboxConsumer<CourseCreatedFact>();
            bus.AddReplayingInboxConsumer<CourseUpdatedFact>();
            bus.AddReplayingInboxConsumer<ListingDraftedFact>();
            bus.AddReplayingInboxConsumer<ListingUpdatedFact>();
            bus.AddReplayingInboxConsumer<ListingPublishedFact>();
            bus.AddReplayingInboxConsumer<ListingClosedFact>();
            bus.AddReplayingInboxConsumer<ListingCancelledFact>();
            bus.AddReplayingInboxConsumer<ApplicationSubmittedFact>();
            bus.AddReplayingInboxConsumer<ApplicationOfferedFact>();
            bus.AddReplayingInboxConsumer<ApplicationAcceptedFact>();
            bus.AddReplayingInboxConsumer<ApplicationRejectedFact>();
            bus.AddReplayingInboxConsumer<ApplicationDeclinedFact>();
            bus.AddReplayingInboxConsumer<ApplicationWithdrawnFact>();
            bus.AddReplayingInboxConsumer<ApplicationExpiredFact>();
            bus.AddReplayingInboxConsumer<PlacementStartedFact>();
            bus.AddReplayingInboxConsumer<PlacementSubmittedFact>();
            bus.AddReplayingInboxConsumer<PlacementRevisionRequestedFact>();
            bus.AddReplayingInboxConsumer<PlacementCompletedFact>();
            bus.AddReplayingInboxConsumer<PlacementCancelledFact>();
            bus.AddReplayingInboxConsumer<PlacementSettledFact>();
            bus.AddReplayingInboxConsumer<PlacementSettlementDisputableFact>();
            bus.AddReplayingInboxConsumer<PlacementSettlementEscalatedFact>();
            bus.AddReplayingInboxConsumer<TimeEntryLoggedFact>();
            bus.AddReplayingInboxConsumer<FeedbackRevealedFact>();
            bus.AddReplayingInboxConsumer<PayoutOpenedFact>();
            bus.AddReplayingInboxConsumer<PayoutOnHoldFact>();
            bus.AddReplayingInboxConsumer<PayoutFundedFact>();
            bus.AddReplayingInboxConsumer<PayoutSubmittedFact>();
            bus.AddReplayingInboxConsumer<PayoutRetriedFact>();
            bus.AddReplayingInboxConsumer<PayoutFlaggedFact>();
            bus.AddReplayingInboxConsumer<PayoutPaidFact>();
            bus.AddReplayingInboxConsumer<PayoutFailedFact>();
            bus.AddReplayingInboxConsumer<PayoutReturnedFact>();
            bus.AddReplayingInboxConsumer<FundChangedFact>();
            bus.AddReplayingInboxConsumer<EventCreatedFact>();
            bus.AddReplayingInboxConsumer<EventUpdatedFact>();
            bus.AddReplayingInboxConsumer<RegistrationConfirmedFact>();
            bus.AddReplayingInboxConsumer<RegistrationWaitlistedFact>();
            bus.AddReplayingInboxConsumer<RegistrationPromotedFact>();
            bus.AddReplayingInboxConsumer<RegistrationCancelledFact>();
            bus.AddReplayingInboxConsumer<RegistrationCheckedInFact>();
            bus.AddReplayingInboxConsumer<SlotOfferedFact>();
            bus.AddReplayingInboxConsumer<SlotBookedFact>();
            bus.AddReplayingInboxConsumer<SlotReleasedFact>();
            bus.AddReplayingInboxConsumer<SlotWithdrawnFact>();
        });
        builder.Services.AddScoped<InsightsScopes>();
        builder.Services.AddScoped<Figures>();
        builder.Services.AddSingleton<FactsInMemory>();
        return builder;
    }

    public static IEndpointRouteBuilder MapInsightsApis(this IEndpointRouteBuilder app) =>
        app.MapApi(api => api.MapInsightsApi());
}
