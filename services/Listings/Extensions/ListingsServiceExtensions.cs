using MicroInternships.Hosting;
using MicroInternships.Listings.Data;
using MicroInternships.Messaging;
using MicroInternships.ServiceDefaults.Data;

namespace MicroInternships.Listings.Extensions;

public static class ListingsServiceExtensions
{
    public static TBuilder AddListingsServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddApiDefaults();
        builder.AddNpgsqlDbContext<ListingsDbContext>(ResourceNames.ListingsDb);
        builder.Services.AddMigration<ListingsDbContext>();
        builder.AddMessaging("listings");
        return builder;
    }
}
