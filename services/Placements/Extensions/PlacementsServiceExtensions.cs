using MicroInternships.Hosting;
using MicroInternships.Placements.Data;
using MicroInternships.Messaging;

namespace MicroInternships.Placements.Extensions;

public static class PlacementsServiceExtensions
{
    public static TBuilder AddPlacementsServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddApiDefaults();
        builder.AddServiceDatabase<PlacementsDbContext>(ResourceNames.PlacementsDb);
        builder.AddMessaging<PlacementsDbContext>("placements");
        return builder;
    }
}
