using MicroInternships.Listings.Domain;
using MicroInternships.ServiceDefaults.Errors;

namespace MicroInternships.Listings.Apis;

/// <summary>The body of <c>POST</c> and <c>PUT /api/listings</c>: the whole listing, as the partner writes it.</summary>
public sealed record ListingRequest(
    Guid? OrganizationId,
    string? Title,
    string? Summary,
    string? Description,
    IReadOnlyList<string>? Skills,
    string? Discipline,
    int? EstimatedHours,
    Compensation? Compensation,
    int? Openings,
    DateTimeOffset? ApplicationDeadline,
    WorkMode? WorkMode,
    string? Location,
    Guid? FundId)
{
    public ListingTerms ToTerms(ListingPolicy policy, DateTimeOffset now)
    {
        var errors = new FieldErrors()
            .Length("title", Title, 3, 120)
            .Length("summary", Summary, 1, 280)
            .Length("description", Description, 1, 10_000)
            .Terms("skills", Skills, 15, 40)
            .Length("discipline", Discipline, 1, 60)
            .Length("location", Location, 1, 120, required: false)
            .When(WorkMode is null, "workMode", "workMode is required: remote, onsite or hybrid.")
            .When(Openings is < 1 or > 50, "openings", "openings must be 1 to 50.");

        if (EstimatedHours is not { } hours || hours < policy.MinHours || hours > policy.MaxHours)
        {
            errors.Add("estimatedHours", $"estimatedHours must be {policy.MinHours} to {policy.MaxHours}.");
        }

        if (Compensation is null)
        {
            errors.Add("compensation", "compensation is required.");
        }
        else if (Compensation.Currency != policy.Currency)
        {
            errors.Add("compensation.currency", $"currency must be {policy.Currency}.");
        }
        else if (EstimatedHours is { } estimated)
        {
            var (least, most) = (policy.MinCentsPerHour * estimated, policy.MaxCentsPerHour * estimated);
            errors
                .When(Compensation.AmountCents < least, "compensation.amountCents",
                    $"Pay at least {policy.MinCentsPerHour} cents per estimated hour: {least} for {estimated} hours.")
                .When(Compensation.AmountCents > most, "compensation.amountCents",
                    $"Pay at most {policy.MaxCentsPerHour} cents per estimated hour: {most} for {estimated} hours.");
        }

        if (ApplicationDeadline is not { } deadline)
        {
            errors.Add("applicationDeadline", "applicationDeadline is required.");
        }
        else if (deadline <= now)
        {
            errors.Add("applicationDeadline", "applicationDeadline must be in the future.");
        }

        errors.ThrowIfAny();
        return new ListingTerms(
            Title!.Trim(),
            Summary!.Trim(),
            Description!.Trim(),
            Terms.Distinct(Skills),
            Discipline!.Trim(),
            EstimatedHours!.Value,
            Compensation!.AmountCents,
            Compensation.Currency,
            Openings ?? 1,
            ApplicationDeadline!.Value,
            WorkMode!.Value,
            string.IsNullOrWhiteSpace(Location) ? null : Location.Trim());
    }
}
