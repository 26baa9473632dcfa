namespace MicroInternships.PaymentPartner;

/// <summary>The body of <c>POST /v1/payouts</c>; <see cref="Reference"/> is the platform's payout id.</summary>
public sealed record PayoutRequest(string Reference, string RecipientId, long AmountCents, string Currency);

/// <summary>The partner's <c>202</c> answer: its own id for the payout.</summary>
public sealed record PayoutAccepted(string Id, string Status);

/// <summary>A webhook's body: <c>{ type, data }</c>, with <see cref="WebhookTypes"/> as the type.</summary>
public sealed record WebhookPayload(string Type, WebhookPayoutData Data);

public sealed record WebhookPayoutData(string Id, string Reference, long AmountCents, string Currency, string? FailureReason);

public static class WebhookTypes
{
    public const string Paid = "payout.paid";
    public const string Failed = "payout.failed";
}
