using MicroInternships.Insights.Domain;

namespace MicroInternships.Insights.Apis;

/// <summary>
/// The program's figures for a period and filters (docs/insights.md defines each). <see cref="AsOf"/> is the moment of
/// the last event the read model applied; a figure of fewer than five students is hidden from all but coordinators
/// (<see cref="Figure.Suppressed"/>). <see cref="Institute"/> is counted for the whole program only (a registration
/// belongs to no course or organization), so it is null under a filter or for anyone but a coordinator.
/// </summary>
public sealed record InsightsSummary(
    InsightsPeriod Period,
    InsightsFilters Filters,
    DateTimeOffset? AsOf,
    bool SmallCountsHidden,
    ReachFigures Reach,
    FlowFigures Flow,
    MoneyFigures Money,
    WorkFigures Work,
    InstituteFigures? Institute,
    QualityFigures Quality,
    IReadOnlyList<DepartmentFigures> ByDepartment);

/// <summary>The period's first and last program day (both included; null for no bound) and the term asked for.</summary>
public sealed record InsightsPeriod(DateOnly? From, DateOnly? To, string? Term, string TimeZone)
{
    public static InsightsPeriod Of(InsightsScope scope, string timeZone) => new(scope.FromDay, scope.ToDay, scope.Term, timeZone);
}

public sealed record InsightsFilters(string? Department, string? Discipline, Guid? OrganizationId, Guid? CourseId, Guid? FundId)
{
    public static InsightsFilters Of(InsightsScope scope) => new(scope.Department, scope.Discipline, scope.OrganizationId, scope.CourseId, scope.FundId);
}

public sealed record ReachFigures(
    Figure StudentsApplied,
    Figure StudentsPlaced,
    Figure StudentsCompleted,
    Figure FirstTimeStudents,
    Figure ReturningStudents,
    Figure PartnersWithListings,
    Figure ReturningPartners,
    Figure FacultyWithLinkedListings,
    Figure CoursesWithLinkedListings,
    Figure DepartmentsReached);

public sealed record FlowFigures(
    Figure ListingsPublished,
    Figure Applications,
    Figure Offers,
    Figure PlacementsStarted,
    Figure PlacementsCompleted,
    Figure PlacementsCancelled,
    Figure OfferRate,
    Figure AcceptanceRate,
    Figure CompletionRate,
    Figure MedianDaysPublishToFirstPlacement,
    Figure MedianDaysStartToCompletion,
    Figure AutoApprovedShare,
    Figure RevisionRounds);

public sealed record MoneyFigures(
    Figure PaidCents,
    Figure OnHoldCents,
    Figure FailedCents,
    Figure ReturnedCents,
    IReadOnlyList<PayoutStatusFigures> PayoutsByStatus,
    Figure MedianHoursApprovalToPaid,
    IReadOnlyList<FundFigures> Funds);

public sealed record PayoutStatusFigures(string Status, Figure Count, Figure AmountCents);

/// <summary>A fund's money now (not a period's); coordinators only.</summary>
public sealed record FundFigures(Guid FundId, string Name, string Currency, long BudgetCents, long ReservedCents, long SpentCents, long RemainingCents);

public sealed record WorkFigures(Figure HoursLogged, Figure HoursPerCompletion, Figure EstimatedHoursPerCompletion);

public sealed record InstituteFigures(
    IReadOnlyList<RegistrationFigures> Registrations,
    int Waitlisted,
    int Promotions,
    decimal? CheckInRate,
    IReadOnlyList<SlotFigures> SlotsByOrganization);

public sealed record RegistrationFigures(string Audience, string Tier, int Registered);

public sealed record SlotFigures(Guid OrganizationId, string OrganizationName, int Offered, int Booked);

public sealed record QualityFigures(RatingFigures PartnerRatingOfStudents, RatingFigures StudentRatingOfPartners);

/// <summary>Ratings 1 to 5, revealed ones only: their count, average and how many of each (<see cref="Distribution"/>[0] is 1 star).</summary>
public sealed record RatingFigures(Figure Count, Figure Average, IReadOnlyList<Figure> Distribution);

public sealed record DepartmentFigures(string Department, Figure StudentsPlaced, Figure PlacementsStarted, Figure PlacementsCompleted, Figure PaidCents);
