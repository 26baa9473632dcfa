using MicroInternships.Clients.Placements.Models;

namespace MicroInternships.Web.Tests;

/// <summary>Placements as the API returns them, for the placement pages' component tests: $400 for 20 estimated hours.</summary>
internal static class SamplePlacements
{
    public static PlacementDto Active(decimal loggedHours = 0m) => new()
    {
        Id = Guid.Parse("0193b6a0-0000-7000-8000-0000000000cc"),
        ApplicationId = Guid.Parse("0193b6a0-0000-7000-8000-0000000000bb"),
        ListingId = Guid.Parse("0193b6a0-0000-7000-8000-0000000000aa"),
        ListingTitle = "Loyalty survey",
        StudentId = "student-1",
        StudentName = "A student",
        OrganizationId = Guid.Parse("0193b6a0-0000-7000-8000-000000000002"),
        OrganizationName = "Cascade Analytics",
        AmountCents = 40_000,
        Currency = "USD",
        EstimatedHours = 20,
        LoggedHours = (double)loggedHours,
        Status = PlacementStatus.Active,
        PaymentStatus = PaymentStatus.None,
        FundingStatus = FundingStatus.None,
        RevisionCount = 0,
        AutoApproved = false,
        Settlement = SettlementStatus.None,
        StartedAt = DateTimeOffset.UtcNow.AddDays(-10),
        Version = 1,
    };

    /// <summary>The student cancelled with 6 hours logged, so the proposal is $120; the partner has not settled yet.</summary>
    public static PlacementDto AwaitingSettlement() => Active(6m).With(placement =>
    {
        placement.Status = PlacementStatus.Cancelled;
        placement.CancelledBy = "student";
        placement.CancelReason = "Exams came earlier than planned.";
        placement.CancelledAt = DateTimeOffset.UtcNow.AddDays(-1);
        placement.Settlement = SettlementStatus.Pending;
        placement.ProposedPayableCents = 12_000;
        placement.SettlementDueAt = DateTimeOffset.UtcNow.AddDays(6);
        placement.Version = 2;
    });

    /// <summary>The partner settled $80, below the $120 proposal; the student may dispute it for a week.</summary>
    public static PlacementDto SettledBelowProposal() => AwaitingSettlement().With(placement =>
    {
        placement.Settlement = SettlementStatus.Settled;
        placement.PayableCents = 8_000;
        placement.SettledBy = SettlementParty.Partner;
        placement.SettlementReason = "Two of the six hours went to a draft we could not use.";
        placement.SettledAt = DateTimeOffset.UtcNow;
        placement.SettlementDueAt = DateTimeOffset.UtcNow.AddDays(7);
        placement.Version = 3;
    });

    /// <summary>The student disputed the partner's $80, so the settlement went to coordinators.</summary>
    public static PlacementDto Disputed() => SettledBelowProposal().With(placement =>
    {
        (placement.Settlement, placement.SettlementDueAt) = (SettlementStatus.Escalated, null);
        (placement.DisputeReason, placement.DisputedAt, placement.EscalatedAt) = ("I logged every hour I worked.", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
    });

    public static string Json(PlacementDto placement) => KiotaJson.Of(placement);
}
