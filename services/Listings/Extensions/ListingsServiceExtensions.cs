using MicroInternships.Contracts.Listings;
using MicroInternships.Hosting;
using MicroInternships.Listings.Apis;
using MicroInternships.Listings.Consumers;
using MicroInternships.Listings.Data;
using MicroInternships.Listings.Domain;
using MicroInternships.Listings.Jobs;
using MicroInternships.Listings.SampleData;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Replay;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.OpenApi;
using MicroInternships.ServiceDefaults.SampleData;

namespace MicroInternships.Listings.Extensions;

public static class ListingsServiceExtensions
{
    public static TBuilder AddListingsServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddApiDefaults();
        builder.Services.AddRequestExamples(ListingsRequestExamples.All);
        builder.AddServiceDatabase<ListingsDbContext>(ResourceNames.ListingsDb);
        builder.AddMessaging<ListingsDbContext>("listings", bus =>
        {
            bus.AddReplayingInboxConsumer<PlacementStartedConsumer>();
            bus.AddReplayingInboxConsumer<PlacementCancelledConsumer>();
        });
        // Placements keeps its copy of listings and course links from these.
        builder.AddSubscribedEvents(
            typeof(ListingPublished), typeof(ListingUpdated), typeof(ListingClosed), typeof(ListingCancelled),
            typeof(CourseListingLinked), typeof(CourseListingUnlinked));
        // Every service checks partners against its copy of the memberships.
        builder.AddSubscribedEvents(typeof(OrganizationMemberAdded), typeof(OrganizationMemberRemoved));

        builder.Services.Configure<ListingPolicy>(builder.Configuration.GetSection(ListingPolicy.SectionName));
        builder.Services.Configure<DeadlineOptions>(builder.Configuration.GetSection(DeadlineOptions.SectionName));
        builder.Services.Configure<PartnerInterestOptions>(builder.Configuration.GetSection(PartnerInterestOptions.SectionName));
        builder.Services.Configure<SampleDataOptions>(builder.Configuration.GetSection(SampleDataOptions.SectionName));
        builder.Services.AddScoped<SeatCounter>();
        builder.Services.AddScoped<IOrganizationMemberships, Memberships>();
        builder.Services.AddScoped<ListingDeadlineSweeper>();
        builder.Services.AddScoped<PartnerInterestEraser>();
        builder.Services.AddHostedService<SampleDataSeeder>();
        builder.Services.AddHostedService<ListingDeadlineJob>();
        builder.Services.AddHostedService<PartnerInterestErasureJob>();
        builder.Services.AddHostedService<CourseTermAlignment>();
        return builder;
    }

    public static IEndpointRouteBuilder MapListingsApis(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            app.MapDevelopmentMemberships();
        }

        return app.MapApi(MapRoutes);
    }

    private static void MapRoutes(IEndpointRouteBuilder api)
    {
        api.MapOrganizationsApi();
        api.MapListingsApi();
        api.MapCoursesApi();
        api.MapCourseRequestsApi();
        api.MapCourseNeedsApi();
        api.MapPublicListingsApi();
        api.MapMembersApi();
        api.MapInvitationsApi();
        api.MapPartnerInterestApi();
    }
}
