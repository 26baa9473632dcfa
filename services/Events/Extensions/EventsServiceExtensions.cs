using MicroInternships.Hosting;
using MicroInternships.Events.Data;
using MicroInternships.Messaging;
using MicroInternships.ServiceDefaults.Data;

namespace MicroInternships.Events.Extensions;

public static class EventsServiceExtensions
{
    public static TBuilder AddEventsServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddApiDefaults();
        builder.AddNpgsqlDbContext<EventsDbContext>(ResourceNames.EventsDb);
        builder.Services.AddMigration<EventsDbContext>();
        builder.AddMessaging("events");
        return builder;
    }
}
