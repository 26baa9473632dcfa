using MicroInternships.Contracts.Listings;
using MicroInternships.Contracts.Payments;
using MicroInternships.Contracts.Placements;

namespace MicroInternships.Insights.Tests;

/// <summary>
/// One organization's history as its publishers would announce it, in Fall 2026 (program days in October): listings,
/// applications, placements, payouts and ratings, each with its own ids and versions.
/// </summary>
internal sealed class History(Guid? organization = null)
{
    public static readonly DateTimeOffset Monday = new(2026, 10, 5, 17, 0, 0, TimeSpan.Zero);

    public Guid Organization { get; } = organization ?? Guid.NewGuid();

    public List<object> Events { get; } = [];

    public Guid Listing(string discipline = "Marketing", Guid? course = null, int day = 0)
    {
        var id = Guid.NewGuid();
        var at = Monday.AddDays(day);
        Events.Add(new ListingPublished(ListingSnapshot(id, 2, "open", discipline, course is null ? [] : [course.Value], at), at));
        return id;
    }

    public ListingSnapshot ListingSnapshot(Guid id, long version, string status, string discipline, Guid[] courses, DateTimeOffset? publishedAt) => new(
        id, version, status, Organization, "Test Co", "A project", 10, Monday.AddDays(60), 40_000, "USD", 20, null, courses, discipline, publishedAt);

    public static CourseCreated Course(Guid course, string faculty, string department) =>
        new(new CourseSnapshot(course, 1, faculty, "Dr. Faculty", "TST 101", "Testing", "Fall 2026", [], [], 30, department), Monday.AddDays(-30));

    /// <summary>A student applies (and is offered the project, on request).</summary>
    public string Applied(Guid listing, bool offered = false, Guid? course = null, int day = 1)
    {
        var student = $"s-{Guid.NewGuid():N}";
        var application = Guid.NewGuid();
        Events.Add(new ApplicationSubmitted(Application(application, 1, listing, student, course, "submitted", day, offered: false), Monday.AddDays(day)));
        if (offered)
        {
            Events.Add(new ApplicationOffered(Application(application, 2, listing, student, course, "offered", day, offered: true), Monday.AddDays(day + 1)));
        }

        return student;
    }

    /// <summary>A student applies, is offered, and starts a placement (which completes and is paid, on request).</summary>
    public Guid Placed(Guid listing, Guid? course = null, bool complete = false, string? payout = null, int? partnerRating = null, int day = 1)
    {
        var student = Applied(listing, offered: true, course, day);
        var placement = Guid.NewGuid();
        Events.Add(new PlacementStarted(Placement(placement, 1, listing, student, course, "active"), Monday.AddDays(day + 2)));
        if (!complete)
        {
            return placement;
        }

        var completed = Monday.AddDays(day + 9);
        Events.Add(new PlacementCompleted(Placement(placement, 3, listing, student, course, "completed"), false, completed));
        if (payout is not null)
        {
            var id = Guid.NewGuid();
            Events.Add(new PayoutOpened(Payout(id, 1, placement, student, "pending", null), completed));
            var paidAt = completed.AddHours(36);
            var last = Payout(id, 2, placement, student, payout, payout == "paid" ? paidAt : null);
            Events.Add(payout switch
            {
                "paid" => new PayoutPaid(id, 2, placement, 1, 40_000, "USD", paidAt, last),
                "failed" => new PayoutFailed(id, 2, placement, 1, 40_000, "USD", "recipient_unknown", paidAt, last),
                _ => new PayoutOnHold(last, "insufficient_funds", completed),
            });
        }

        if (partnerRating is { } rating)
        {
            Events.Add(new FeedbackRevealed(placement, 4, student, Organization, rating, 5, completed.AddDays(1)));
        }

        return placement;
    }

    public ApplicationSnapshot Application(Guid id, long version, Guid listing, string student, Guid? course, string status, int day, bool offered) => new(
        id, version, listing, Organization, student, "Sam Student", course, status, 40_000, "USD", 20, Monday.AddDays(day),
        offered ? Monday.AddDays(day + 1) : null, offered ? Monday.AddDays(day + 8) : null, null);

    public PlacementSnapshot Placement(Guid id, long version, Guid listing, string student, Guid? course, string status) => new(
        id, version, listing, student, "Sam Student", Organization, course, null, 40_000, "USD", 1, 10, status, "none", null, null);

    public PayoutSnapshot Payout(Guid id, long version, Guid placement, string student, string status, DateTimeOffset? paidAt) => new(
        id, version, placement, student, Organization, 40_000, "USD", null, status, 1, null, false, paidAt);
}
