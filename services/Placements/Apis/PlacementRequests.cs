using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;

namespace MicroInternships.Placements.Apis;

/// <summary>The body of <c>POST /api/placements/{id}/submit</c>.</summary>
public sealed record SubmitWorkRequest(string? DeliverableUrl, string? Note)
{
    public (string? DeliverableUrl, string Note) Validate()
    {
        var url = DeliverableUrl?.Trim();
        new FieldErrors()
            .Length("note", Note, 1, 2000)
            .Length("deliverableUrl", url, 1, 2000, required: false)
            .When(url is { Length: > 0 } && !IsWebAddress(url), "deliverableUrl", "deliverableUrl must be an absolute http or https URL.")
            .ThrowIfAny();
        return (string.IsNullOrEmpty(url) ? null : url, Note!.Trim());
    }

    private static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}

/// <summary>The body of <c>POST /api/placements/{id}/request-revision</c>.</summary>
public sealed record RevisionRequest(string? Note)
{
    public string Validate()
    {
        new FieldErrors().Length("note", Note, 1, 2000).ThrowIfAny();
        return Note!.Trim();
    }
}

/// <summary>The body of <c>POST /api/placements/{id}/approve</c>: the partner's rating and feedback.</summary>
public sealed record ApprovalRequest(int? Rating, string? Feedback)
{
    public (int Rating, string Feedback) Validate()
    {
        new FieldErrors()
            .When(Rating is not (>= 1 and <= 5), "rating", "rating must be 1 to 5.")
            .Length("feedback", Feedback, 1, 2000)
            .ThrowIfAny();
        return (Rating!.Value, Feedback!.Trim());
    }
}

/// <summary>The body of <c>POST /api/placements/{id}/cancel</c>: a partner or coordinator may say what it pays (the proposal when left out).</summary>
public sealed record CancelRequest(string? Reason, long? PayableCents)
{
    public (string Reason, long? PayableCents) Validate(Caller caller)
    {
        new FieldErrors()
            .Length("reason", Reason, 1, 500)
            .When(PayableCents is not null && !(caller.IsPartner || caller.IsCoordinator), "payableCents",
                "Only the partner or a coordinator says what a cancellation pays; the partner settles a student's cancellation.")
            .ThrowIfAny();
        return (Reason!.Trim(), PayableCents);
    }
}

/// <summary>The body of <c>POST /api/placements/{id}/settlement</c>.</summary>
public sealed record SettlementRequest(long? PayableCents, string? Reason)
{
    public (long PayableCents, string? Reason) Validate()
    {
        new FieldErrors()
            .When(PayableCents is null, "payableCents", "payableCents is required (integer cents).")
            .Length("reason", Reason, 1, 500, required: false)
            .ThrowIfAny();
        return (PayableCents!.Value, string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim());
    }
}

/// <summary>The body of <c>POST /api/placements/{id}/settlement/dispute</c>.</summary>
public sealed record DisputeRequest(string? Reason)
{
    public string Validate()
    {
        new FieldErrors().Length("reason", Reason, 1, 2000).ThrowIfAny();
        return Reason!.Trim();
    }
}
