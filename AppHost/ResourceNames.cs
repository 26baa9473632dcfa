namespace MicroInternships.Hosting;

/// <summary>Aspire resource names, shared by the AppHost, the services and the tests.</summary>
public static class ResourceNames
{
    public const string ListingsApi = "listings-api";
    public const string PlacementsApi = "placements-api";
    public const string PaymentsApi = "payments-api";
    public const string EventsApi = "events-api";
    public const string NotificationsApi = "notifications-api";
    public const string InsightsApi = "insights-api";
    public const string Gateway = "gateway";
    public const string Postgres = "postgres";
    public const string ListingsDb = "listingsdb";
    public const string PlacementsDb = "placementsdb";
    public const string PaymentsDb = "paymentsdb";
    public const string EventsDb = "eventsdb";
    public const string NotificationsDb = "notificationsdb";
    public const string InsightsDb = "insightsdb";
    public const string Messaging = "messaging";

    /// <summary>The local RabbitMQ node's process, when the AppHost runs the installed binaries instead of containers.</summary>
    public const string RabbitMqServer = "rabbitmq";
    public const string PaymentPartner = "payment-partner";
    public const string Web = "web";

    /// <summary>The development mail server (smtp4dev) Notifications sends through, with its web inbox.</summary>
    public const string MailServer = "smtp4dev";

    public static readonly IReadOnlyList<string> Services = [ListingsApi, PlacementsApi, PaymentsApi, EventsApi, NotificationsApi, InsightsApi];
}
