namespace MicroInternships.PaymentPartnerSimulator;

/// <summary>
/// What the simulated partner does (<c>Simulator</c> in configuration; changed at run time with
/// <c>PUT /admin/behaviour</c>): where and how it delivers webhooks, and which payouts it fails.
/// </summary>
public sealed record SimulatorBehaviour
{
    public Uri? WebhookUrl { get; init; }

    public string? WebhookSecret { get; init; }

    /// <summary>How long after accepting a payout its outcome is delivered.</summary>
    public TimeSpan DeliveryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Recipients whose id starts with this are accepted, then reported <c>payout.failed</c> (<c>recipient_unknown</c>).</summary>
    public string? FailRecipientPrefix { get; init; } = "fail-";

    /// <summary>Recipients whose id starts with this are refused outright: 422 <c>recipient_invalid</c>.</summary>
    public string? RefuseRecipientPrefix { get; init; } = "invalid-";

    /// <summary>Deliver every webhook twice, with the same <c>webhook-id</c>, as a partner retrying would.</summary>
    public bool DuplicateDeliveries { get; init; }

    /// <summary>Add a random extra delay (up to the delivery delay again) to each delivery, so webhooks overtake each other.</summary>
    public bool OutOfOrder { get; init; }

    /// <summary>Answer this many of the next submissions with 503, as an overloaded partner would.</summary>
    public int UnavailableSubmissions { get; init; }

    public int MaxDeliveryAttempts { get; init; } = 8;

    public TimeSpan FirstRedeliveryDelay { get; init; } = TimeSpan.FromSeconds(1);
}
