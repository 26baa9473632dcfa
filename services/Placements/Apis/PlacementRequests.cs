using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Json;
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

/// <summary>
/// The body of <c>POST /api/placements/{id}/approve</c>: the partner's rating and feedback, and up to three
/// career-readiness competencies the work showed, each with one sentence of evidence.
/// </summary>
public sealed record ApprovalRequest(int? Rating, string? Feedback, IReadOnlyList<EndorsementRequest?>? Competencies = null)
{
    public (int Rating, string Feedback, IReadOnlyList<Endorsement> Endorsements) Validate()
    {
        var errors = new FieldErrors()
            .When(Rating is not (>= 1 and <= 5), "rating", "rating must be 1 to 5.")
            .Length("feedback", Feedback, 1, 2000)
            .When(Competencies?.Count > Domain.Competencies.MaxEndorsed, "competencies", $"Endorse at most {Domain.Competencies.MaxEndorsed} competencies.");
        var endorsements = new List<Endorsement>();
        var seen = new HashSet<Competency>();
        foreach (var (endorsement, index) in (Competencies ?? []).Select((e, i) => (e, i)))
        {
            var field = $"competencies[{index}]";
            var evidence = endorsement?.Evidence?.Trim();
            var known = WireName.TryParse<Competency>(endorsement?.Competency, out var competency);
            errors
                .When(!known, $"{field}.competency", $"competency must be one of: {string.Join(", ", Enum.GetValues<Competency>().Select(WireName.Of))}.")
                .When(known && !seen.Add(competency), $"{field}.competency", "Each competency is endorsed once.")
                .Length($"{field}.evidence", evidence, 1, Domain.Competencies.MaxEvidenceLength)
                .When(evidence?.Contains('\n') == true, $"{field}.evidence", "evidence is one sentence, on one line.");
            if (known && evidence is { Length: > 0 })
            {
                endorsements.Add(new Endorsement(competency, evidence));
            }
        }

        errors.ThrowIfAny();
        return (Rating!.Value, Feedback!.Trim(), endorsements);
    }
}

/// <summary>A competency (its wire name, e.g. <c>critical_thinking</c>) and the partner's sentence of evidence.</summary>
public sealed record EndorsementRequest(string? Competency, string? Evidence);

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
