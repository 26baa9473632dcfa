using MassTransit;
using MicroInternships.Hosting;
using MicroInternships.Insights.Apis;
using MicroInternships.Insights.Consumers;
using MicroInternships.Insights.Data;
using MicroInternships.Insights.Memory;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Memberships;
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
        builder.Services.AddMemberCopies<InsightsDbContext>();
        builder.AddMessaging<InsightsDbContext>("insights", bus =>
        {
            bus.AddReplayingInboxConsumer<ReplayedPageFacts>();
            bus.AddFact<OrganizationCreatedFact>();
            bus.AddFact<OrganizationUpdatedFact>();
            bus.AddFact<OrganizationMemberAddedFact>();
            bus.AddFact<OrganizationMemberRemovedFact>();
            bus.AddFact<CourseCreatedFact>();
            bus.AddFact<CourseUpdatedFact>();
            bus.AddFact<ListingDraftedFact>();
            bus.AddFact<ListingUpdatedFact>();
            bus.AddFact<ListingPublishedFact>();
            bus.AddFact<ListingClosedFact>();
            bus.AddFact<ListingCancelledFact>();
            bus.AddFact<ApplicationSubmittedFact>();
            bus.AddFact<ApplicationOfferedFact>();
            bus.AddFact<ApplicationAcceptedFact>();
            bus.AddFact<ApplicationRejectedFact>();
            bus.AddFact<ApplicationDeclinedFact>();
            bus.AddFact<ApplicationWithdrawnFact>();
            bus.AddFact<ApplicationExpiredFact>();
            bus.AddFact<PlacementStartedFact>();
            bus.AddFact<PlacementSubmittedFact>();
            bus.AddFact<PlacementRevisionRequestedFact>();
            bus.AddFact<PlacementCompletedFact>();
            bus.AddFact<PlacementCancelledFact>();
            bus.AddFact<PlacementSettledFact>();
            bus.AddFact<PlacementSettlementDisputableFact>();
            bus.AddFact<PlacementSettlementEscalatedFact>();
            bus.AddFact<TimeEntryLoggedFact>();
            bus.AddFact<FeedbackRevealedFact>();
            bus.AddFact<PayoutOpenedFact>();
            bus.AddFact<PayoutOnHoldFact>();
            bus.AddFact<PayoutFundedFact>();
            bus.AddFact<PayoutSubmittedFact>();
            bus.AddFact<PayoutRetriedFact>();
            bus.AddFact<PayoutFlaggedFact>();
            bus.AddFact<PayoutPaidFact>();
            bus.AddFact<PayoutFailedFact>();
            bus.AddFact<PayoutReturnedFact>();
            bus.AddFact<FundChangedFact>();
            bus.AddFact<EventCreatedFact>();
            bus.AddFact<EventUpdatedFact>();
            bus.AddFact<RegistrationConfirmedFact>();
            bus.AddFact<RegistrationWaitlistedFact>();
            bus.AddFact<RegistrationPromotedFact>();
            bus.AddFact<RegistrationCancelledFact>();
            bus.AddFact<RegistrationCheckedInFact>();
            bus.AddFact<SlotOfferedFact>();
            bus.AddFact<SlotBookedFact>();
            bus.AddFact<SlotReleasedFact>();
            bus.AddFact<SlotWithdrawnFact>();
        });
        builder.Services.AddScoped<InsightsScopes>();
        builder.Services.AddScoped<Figures>();
        builder.Services.AddSingleton<FactsInMemory>();
        return builder;
    }

    /// <summary>A fact consumer: on its own queue, and the writer of its event in a replayed page.</summary>
    private static void AddFact<TConsumer>(this IBusRegistrationConfigurator bus)
        where TConsumer : class, IConsumer, IFactWriter
    {
        bus.AddReplayingInboxConsumer<TConsumer>();
        bus.AddScoped<IFactWriter>(services => services.GetRequiredService<TConsumer>());
    }

    public static IEndpointRouteBuilder MapInsightsApis(this IEndpointRouteBuilder app) =>
        app.MapApi(api => api.MapInsightsApi().MapPublicFiguresApi());
}
