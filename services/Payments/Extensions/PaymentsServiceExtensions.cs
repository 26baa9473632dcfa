using MicroInternships.Hosting;
using MicroInternships.Payments.Data;
using MicroInternships.Messaging;

namespace MicroInternships.Payments.Extensions;

public static class PaymentsServiceExtensions
{
    public static TBuilder AddPaymentsServices<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddApiDefaults();
        builder.AddServiceDatabase<PaymentsDbContext>(ResourceNames.PaymentsDb);
        builder.AddMessaging<PaymentsDbContext>("payments");
        return builder;
    }
}
