using MicroInternships.Insights.Domain;

namespace MicroInternships.Insights.Apis;

/// <summary>
/// The program's reach since it began, for its public site: students placed, dollars paid (in cents), partners that
/// posted listings and courses that adopted one. The small-count rule holds as for any caller but a coordinator: a
/// figure about fewer than five students is hidden.
/// </summary>
public sealed record PublicFigures(DateTimeOffset? AsOf, Figure StudentsPlaced, Figure PaidCents, Figure Partners, Figure Courses)
{
    public static PublicFigures Of(InsightsSummary summary) => new(
        summary.AsOf,
        summary.Reach.StudentsPlaced,
        summary.Money.PaidCents,
        summary.Reach.PartnersWithListings,
        summary.Reach.CoursesWithLinkedListings);
}
