using System.Text.Json;
using MicroInternships.PaymentPartner;

namespace MicroInternships.Payments.Webhooks;

/// <summary>A webhook's body as the partner sends it: <c>{ type, data: { id, reference, amountCents, currency, failureReason } }</c>.</summary>
public sealed record PartnerWebhook(string Type, string PartnerPayoutId, Guid Reference, long AmountCents, string Currency, string? FailureReason)
{
    public const string Paid = WebhookTypes.Paid;
    public const string Failed = WebhookTypes.Failed;

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The body, or null when it is not one (malformed JSON, a missing field, an unknown type, text PostgreSQL cannot
    /// store: a NUL would fail the transaction and the partner would retry the webhook forever).
    /// </summary>
    public static PartnerWebhook? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var raw = JsonSerializer.Deserialize<RawWebhook>(body, _json);
            if (raw is not { Type: Paid or Failed, Data: { Id: { Length: > 0 and <= 100 } id, Reference: { } reference, AmountCents: { } amount, Currency: { Length: 3 } currency } data })
            {
                return null;
            }

            if (id.Contains('\0') || currency.Contains('\0') || data.FailureReason?.Contains('\0') == true)
            {
                return null;
            }

            return new PartnerWebhook(raw.Type, id, Guid.TryParse(reference, out var payoutId) ? payoutId : Guid.Empty, amount, currency, data.FailureReason);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record RawWebhook(string? Type, RawData? Data);

    private sealed record RawData(string? Id, string? Reference, long? AmountCents, string? Currency, string? FailureReason);
}
