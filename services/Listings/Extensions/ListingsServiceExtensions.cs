using MicroInternships.Hosting;
using MicroInternships.Listings.Data;
using MicroInternships.Messaging;

namespace MicroInternships.Listings.Extensions;

public static class ListingsServiceExtensions
{
    public static TBuilder AddListingsServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddApiDefaults();
        builder.AddServiceDatabase<ListingsDbContext>(ResourceNames.ListingsDb);
        builder.AddMessaging<ListingsDbContext>("listings");
        return builder;
    }
}
