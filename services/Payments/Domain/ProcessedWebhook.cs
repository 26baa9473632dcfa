namespace MicroInternships.Payments.Domain;

/// <summary>A webhook the service answered 2xx, kept so a redelivery changes nothing (written by <see cref="Webhooks.WebhookProcessor"/>'s claim).</summary>
public sealed class ProcessedWebhook
{
    private ProcessedWebhook()
    {
    }

    public string WebhookId { get; private set; } = "";

    public DateTimeOffset ProcessedAt { get; private set; }
}
