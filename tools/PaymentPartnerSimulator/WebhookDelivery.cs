using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using MicroInternships.PaymentPartner;

namespace MicroInternships.PaymentPartnerSimulator;

/// <summary>A webhook waiting to be delivered: its id stays the same on every retry and duplicate, as Standard Webhooks asks.</summary>
public sealed record PendingWebhook(string WebhookId, WebhookPayload Payload, DateTimeOffset DueAt, int Attempt = 1);

/// <summary>
/// Delivers signed webhooks to the configured URL after the configured delay, retrying any answer that is not 2xx
/// (and network errors) with exponential backoff, up to the configured number of attempts.
/// </summary>
public sealed partial class WebhookDelivery(SimulatorState state, IHttpClientFactory clients, TimeProvider clock, ILogger<WebhookDelivery> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);
    private readonly Channel<PendingWebhook> _queue = Channel.CreateUnbounded<PendingWebhook>();

    public void Schedule(SimulatedPayout payout)
    {
        var behaviour = state.Behaviour;
        var failed = payout.Outcome == WebhookTypes.Failed;
        var payload = new WebhookPayload(payout.Outcome, new WebhookPayoutData(
            payout.Id, payout.Reference, payout.AmountCents, payout.Currency, failed ? "recipient_unknown" : null));
        var webhookId = $"msg_{Guid.NewGuid():N}";
        var copies = behaviour.DuplicateDeliveries ? 2 : 1;
        for (var copy = 0; copy < copies; copy++)
        {
            var jitter = behaviour.OutOfOrder ? behaviour.DeliveryDelay * Random.Shared.NextDouble() : TimeSpan.Zero;
            _queue.Writer.TryWrite(new PendingWebhook(webhookId, payload, clock.GetUtcNow() + behaviour.DeliveryDelay + jitter));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var webhook in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            _ = DeliverWhenDueAsync(webhook, stoppingToken);
        }
    }

    private async Task DeliverWhenDueAsync(PendingWebhook webhook, CancellationToken stoppingToken)
    {
        var wait = webhook.DueAt - clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, stoppingToken);
        }

        var behaviour = state.Behaviour;
        var (status, error) = await SendAsync(webhook, behaviour, stoppingToken);
        state.Delivered(new DeliveryRecord(webhook.WebhookId, webhook.Payload.Data.Id, webhook.Payload.Data.Reference, webhook.Payload.Type, webhook.Attempt, status, error, clock.GetUtcNow()));
        if (status is >= 200 and < 300)
        {
            return;
        }

        if (webhook.Attempt >= behaviour.MaxDeliveryAttempts)
        {
            LogGaveUp(webhook.WebhookId, webhook.Attempt);
            return;
        }

        var backoff = behaviour.FirstRedeliveryDelay * Math.Pow(2, webhook.Attempt - 1);
        _queue.Writer.TryWrite(webhook with { DueAt = clock.GetUtcNow() + backoff, Attempt = webhook.Attempt + 1 });
    }

    private async Task<(int? Status, string? Error)> SendAsync(PendingWebhook webhook, SimulatorBehaviour behaviour, CancellationToken cancellationToken)
    {
        if (behaviour.WebhookUrl is null || string.IsNullOrEmpty(behaviour.WebhookSecret))
        {
            return (null, "Simulator:WebhookUrl and Simulator:WebhookSecret are not configured");
        }

        try
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(webhook.Payload, _json);
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            using var request = new HttpRequestMessage(HttpMethod.Post, behaviour.WebhookUrl) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            request.Headers.Add("webhook-id", webhook.WebhookId);
            request.Headers.Add("webhook-timestamp", timestamp);
            request.Headers.Add("webhook-signature", new WebhookSignature(behaviour.WebhookSecret).Sign(webhook.WebhookId, timestamp, body));
            using var response = await clients.CreateClient(nameof(WebhookDelivery)).SendAsync(request, cancellationToken);
            return ((int)response.StatusCode, null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, exception.Message);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Webhook {WebhookId} was not accepted after {Attempts} attempts; giving up")]
    private partial void LogGaveUp(string webhookId, int attempts);
}
