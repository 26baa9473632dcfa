using MicroInternships.Events.Apis;
using MicroInternships.Events.Consumers;
using MicroInternships.Events.Data;
using MicroInternships.Events.Domain;
using MicroInternships.Events.Registrations;
using MicroInternships.Events.SampleData;
using MicroInternships.Hosting;
using MicroInternships.Messaging;
using MicroInternships.Messaging.Memberships;
using MicroInternships.Messaging.Replay;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.OpenApi;
using MicroInternships.ServiceDefaults.SampleData;

namespace MicroInternships.Events.Extensions;

public static class EventsServiceExtensions
{
    public static TBuilder AddEventsServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddApiDefaults();
        builder.Services.AddRequestExamples(EventsRequestExamples.All);
        builder.AddServiceDatabase<EventsDbContext>(ResourceNames.EventsDb);
        builder.Services.AddMemberCopies<EventsDbContext>();
        builder.AddMessaging<EventsDbContext>("events", bus =>
        {
            bus.AddReplayingInboxConsumer<OrganizationMemberAddedConsumer>();
            bus.AddReplayingInboxConsumer<OrganizationMemberRemovedConsumer>();
        });
        builder.Services.Configure<SampleDataOptions>(builder.Configuration.GetSection(SampleDataOptions.SectionName));
        builder.Services.AddScoped<RegistrationDesk>();
        builder.Services.AddSingleton<RegistrationIntake>();
        builder.Services.AddHostedService<WinterInstituteSeeder>();
        return builder;
    }

    public static IEndpointRouteBuilder MapEventsApis(this IEndpointRouteBuilder app) => app.MapApi(api =>
    {
        api.MapEventsApi();
        api.MapRegistrationsApi();
        api.MapSlotsApi();
        api.MapProposalsApi();
        api.MapSignupsApi();
        api.MapPublicEventsApi();
    });
}
