using System.Text.Json;
using MicroInternships.Web.Api.Contracts;

namespace MicroInternships.Web.Tests;

/// <summary>Placements as the API returns them, for the placement pages' component tests: $400 for 20 estimated hours.</summary>
internal static class SamplePlacements
{
    public static Placement Active(decimal loggedHours = 0m) => new(
        Guid.Parse("0193b6a0-0000-7000-8000-0000000000cc"), Guid.Parse("0193b6a0-0000-7000-8000-0000000000bb"),
        Guid.Parse("0193b6a0-0000-7000-8000-0000000000aa"), "Loyalty survey", "student-1", "A student",
        Guid.Parse("0193b6a0-0000-7000-8000-000000000002"), "Cascade Analytics", null, null, 40_000, "USD", 20, loggedHours,
        "active", "none", null, "not_required", 0, false, null, null, null,
        CancelledBy: null, CancelReason: null, Settlement: "none", ProposedPayableCents: null, PayableCents: null, SettledBy: null,
        SettlementReason: null, SettledAt: null, SettlementDueAt: null, DisputeReason: null, DisputedAt: null, EscalatedAt: null,
        DateTimeOffset.UtcNow.AddDays(-10), null, null, null, null, 1);

    /// <summary>The student cancelled with 6 hours logged, so the proposal is $120; the partner has not settled yet.</summary>
    public static Placement AwaitingSettlement() => Active(6m) with
    {
        Status = "cancelled",
        CancelledBy = "student",
        CancelReason = "Exams came earlier than planned.",
        CancelledAt = DateTimeOffset.UtcNow.AddDays(-1),
        Settlement = "pending",
        ProposedPayableCents = 12_000,
        SettlementDueAt = DateTimeOffset.UtcNow.AddDays(6),
        Version = 2,
    };

    /// <summary>The partner settled $80, below the $120 proposal; the student may dispute it for a week.</summary>
    public static Placement SettledBelowProposal() => AwaitingSettlement() with
    {
        Settlement = "settled",
        PayableCents = 8_000,
        SettledBy = "partner",
        SettlementReason = "Two of the six hours went to a draft we could not use.",
        SettledAt = DateTimeOffset.UtcNow,
        SettlementDueAt = DateTimeOffset.UtcNow.AddDays(7),
        Version = 3,
    };

    public static string Json(Placement placement) => JsonSerializer.Serialize(placement, JsonSerializerOptions.Web);
}
