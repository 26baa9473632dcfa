using MicroInternships.Hosting;
using MicroInternships.Payments.Data;
using MicroInternships.Messaging;
using MicroInternships.ServiceDefaults.Data;

namespace MicroInternships.Payments.Extensions;

public static class PaymentsServiceExtensions
{
    public static TBuilder AddPaymentsServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddApiDefaults();
        builder.AddNpgsqlDbContext<PaymentsDbContext>(ResourceNames.PaymentsDb);
        builder.Services.AddMigration<PaymentsDbContext>();
        builder.AddMessaging("payments");
        return builder;
    }
}
