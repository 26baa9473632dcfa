namespace MicroInternships.Payments.Partner;

/// <summary>How the partner answered one submission.</summary>
public abstract record SubmissionResult
{
    /// <summary>202: the partner has the payout (a repeated key gets the same answer).</summary>
    public sealed record Accepted(string PartnerPayoutId) : SubmissionResult;

    /// <summary>A timeout, 408, 429 or 5xx: try again later with the same key.</summary>
    public sealed record Transient(string Reason) : SubmissionResult;

    /// <summary>Any other 4xx: the partner will not pay this; <see cref="Reason"/> is its code.</summary>
    public sealed record Refused(string Reason) : SubmissionResult;
}
