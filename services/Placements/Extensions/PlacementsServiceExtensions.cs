using MicroInternships.Hosting;
using MicroInternships.Placements.Data;
using MicroInternships.Messaging;
using MicroInternships.ServiceDefaults.Data;

namespace MicroInternships.Placements.Extensions;

public static class PlacementsServiceExtensions
{
    public static TBuilder AddPlacementsServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddApiDefaults();
        builder.AddNpgsqlDbContext<PlacementsDbContext>(ResourceNames.PlacementsDb);
        builder.Services.AddMigration<PlacementsDbContext>();
        builder.AddMessaging("placements");
        return builder;
    }
}
