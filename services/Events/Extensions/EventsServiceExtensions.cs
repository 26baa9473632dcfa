using MicroInternships.Hosting;
using MicroInternships.Events.Data;
using MicroInternships.Messaging;

namespace MicroInternships.Events.Extensions;

public static class EventsServiceExtensions
{
    public static TBuilder AddEventsServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddApiDefaults();
        builder.AddServiceDatabase<EventsDbContext>(ResourceNames.EventsDb);
        builder.AddMessaging<EventsDbContext>("events");
        return builder;
    }
}
