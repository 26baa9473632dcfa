using MicroInternships.Contracts.Events;
using MicroInternships.Contracts.Listings;
using MicroInternships.Contracts.Payments;
using MicroInternships.Contracts.Placements;

namespace MicroInternships.Notifications.Tests;

/// <summary>The publishers' snapshots as the tests need them: every field the notifications do not read is a plain default.</summary>
internal static class Snapshots
{
    public static ListingSnapshot Listing(Guid listing, Guid organization, string title, long version = 1) => new(
        listing, version, "open", organization, "Test Co", title, 1, DateTimeOffset.UtcNow.AddDays(10), 40_000, "USD", 20, null, []);

    public static CourseSnapshot Course(Guid course, string facultyId, string code) => new(
        course, 1, facultyId, "Dr. Faculty", code, "Course", "2027-winter", [], [], 30);

    public static ApplicationSnapshot Application(
        Guid application, Guid listing, Guid organization, string student, string status, long version = 1, DateTimeOffset? offerExpiresAt = null) => new(
        application, version, listing, organization, student, "Sam Student", null, status, 40_000, "USD", 20,
        DateTimeOffset.UtcNow, offerExpiresAt is null ? null : DateTimeOffset.UtcNow, offerExpiresAt, null);

    /// <summary>A new application to a listing; an offer expires in a week.</summary>
    public static ApplicationSnapshot ApplicationTo(Guid listing, Guid organization, string student, string status) =>
        Application(Guid.NewGuid(), listing, organization, student, status, offerExpiresAt: status == "offered" ? DateTimeOffset.UtcNow.AddDays(7) : null);

    public static PlacementSnapshot Placement(
        Guid placement, Guid listing, Guid organization, string student, string status = "active", long version = 1, Guid? course = null,
        string settlement = "none", long? proposedCents = null) => new(
        placement, version, listing, student, "Sam Student", organization, course, null, 40_000, "USD", 1, 1, status, settlement, proposedCents, null);

    public static PayoutSnapshot Payout(string student, int attempt = 1, string status = "pending") => new(
        Guid.NewGuid(), attempt, Guid.NewGuid(), student, Guid.NewGuid(), 40_000, "USD", null, status, attempt, null, false, null);

    public static FundSnapshot Fund(Guid fund, long version, long budgetCents, long availableCents) => new(
        fund, version, "Community fund", "USD", budgetCents, budgetCents - availableCents, 0, availableCents);

    public static EventSnapshot Institute(Guid id, DateTimeOffset startsAt, long version = 1, string title = "Winter Institute") => new(
        id, version, title, "Student Union", "America/Los_Angeles", startsAt, startsAt.AddDays(2), 100,
        startsAt.AddDays(-60), startsAt.AddDays(-30), startsAt.AddDays(-3), [], []);

    public static RegistrationSnapshot Registration(Guid registration, Guid institute, string attendee, string status, long version = 1) => new(
        registration, version, institute, attendee, "student", status, "regular", 0, status == "waitlisted" ? 3 : null);
}
