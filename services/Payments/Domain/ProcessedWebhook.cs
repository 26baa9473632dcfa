namespace MicroInternships.Payments.Domain;

/// <summary>A webhook the service answered 2xx, kept so a redelivery changes nothing.</summary>
public sealed class ProcessedWebhook
{
    private ProcessedWebhook()
    {
    }

    public string WebhookId { get; private set; } = "";

    public DateTimeOffset ProcessedAt { get; private set; }

    public static ProcessedWebhook Record(string webhookId, DateTimeOffset now) => new() { WebhookId = webhookId, ProcessedAt = now };
}
