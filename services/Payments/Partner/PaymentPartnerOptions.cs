namespace MicroInternships.Payments.Partner;

/// <summary>The payment partner (<c>PaymentPartner</c>): where its API is, and the secret its webhooks are signed with.</summary>
public sealed class PaymentPartnerOptions
{
    public const string SectionName = "PaymentPartner";

    public Uri? BaseUrl { get; set; }

    /// <summary>Standard Webhooks secret, <c>whsec_</c> and base64; required outside Development.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>How far a webhook's timestamp may be from now.</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a processed webhook's id is remembered, so the partner's redelivery of it changes nothing. Standard
    /// Webhooks senders retry for a few days at most (the simulator for minutes); 30 days is well past that.
    /// </summary>
    public TimeSpan WebhookIdRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the submitter looks for payouts to send.</summary>
    public TimeSpan SubmitPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a claimed payout is left alone while its submission is in flight: longer than one call can take with
    /// the resilience handler's retries (30 s), so a second sender never overlaps the first.
    /// </summary>
    public TimeSpan SubmitLease { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(30);

    public int SubmitBatchSize { get; set; } = 20;

    /// <summary>How many payouts of a batch are in flight at once.</summary>
    public int SubmitConcurrency { get; set; } = 8;
}
