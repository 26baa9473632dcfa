using MicroInternships.Contracts.Events;
using MicroInternships.Contracts.Listings;
using MicroInternships.Contracts.Payments;
using MicroInternships.Contracts.Placements;

namespace MicroInternships.Notifications.Tests;

/// <summary>Each event tells the people docs/notifications.md says it tells, and nobody else.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class CategoryTests(NotificationsFactory factory)
{
    private readonly Guid _organization = Guid.NewGuid();
    private readonly Guid _listing = Guid.NewGuid();
    private readonly string _student = $"s-{Guid.NewGuid():N}";
    private readonly string _faculty = $"f-{Guid.NewGuid():N}";

    [Fact]
    public async Task TheApplicationsStages_TellTheStudentAndTheOrganization()
    {
        await ListingAsync();
        var now = DateTimeOffset.UtcNow;
        await factory.PublishAndWaitAsync(new ApplicationSubmitted(Application("submitted"), now), consumers: 1);
        await factory.PublishAndWaitAsync(new ApplicationOffered(Application("offered", 2, now.AddDays(7)), now), consumers: 2);
        await factory.PublishAndWaitAsync(new ApplicationAccepted(Application("accepted", 3), now), consumers: 2);
        await factory.PublishAndWaitAsync(new ApplicationDeclined(Application("declined", 3), now), consumers: 2);
        await factory.PublishAndWaitAsync(new ApplicationRejected(Application("rejected", 2), now), consumers: 2);
        await factory.PublishAndWaitAsync(new ApplicationExpired(Application("expired", 3, now.AddDays(-1)), now), consumers: 2);
        // An application that lapses before any offer is nobody's news.
        await factory.PublishAndWaitAsync(new ApplicationExpired(Application("expired", 2), now), consumers: 2);

        Assert.Equal(["offer_expired", "application_rejected", "offer_received"], await CategoriesAsync(Student()));
        Assert.Equal(["offer_expired", "offer_declined", "offer_accepted", "application_received"], await CategoriesAsync(Partner()));
    }

    [Fact]
    public async Task ThePlacementsStages_TellTheStudentTheOrganizationAndTheCoursesFaculty()
    {
        await ListingAsync();
        var (placement, course) = (Guid.NewGuid(), Guid.NewGuid());
        await factory.PublishAndWaitAsync(new CourseCreated(Snapshots.Course(course, _faculty, "URB 301"), DateTimeOffset.UtcNow), consumers: 1);
        var snapshot = Snapshots.Placement(placement, _listing, _organization, _student, course: course);
        await factory.PublishAndWaitAsync(new PlacementStarted(snapshot, DateTimeOffset.UtcNow), consumers: 1);
        await factory.PublishAndWaitAsync(new PlacementSubmitted(snapshot with { Version = 2 }, DateTimeOffset.UtcNow.AddDays(14), DateTimeOffset.UtcNow), consumers: 2);
        await factory.PublishAndWaitAsync(new PlacementRevisionRequested(snapshot with { Version = 3 }, 1, DateTimeOffset.UtcNow), consumers: 2);
        await factory.PublishAndWaitAsync(new PlacementCompleted(snapshot with { Version = 4 }, AutoApproved: true, DateTimeOffset.UtcNow), consumers: 2);
        await factory.PublishAndWaitAsync(new ReflectionAdded(Guid.NewGuid(), 1, placement, _student, "student", DateTimeOffset.UtcNow), consumers: 1);
        await factory.PublishAndWaitAsync(new ReflectionAdded(Guid.NewGuid(), 1, placement, _faculty, "faculty", DateTimeOffset.UtcNow), consumers: 1);
        await factory.PublishAndWaitAsync(new FeedbackRevealed(placement, 5, _student, _organization, 5, 4, DateTimeOffset.UtcNow), consumers: 1);

        Assert.Equal(["feedback_revealed", "work_approved", "revision_requested"], await CategoriesAsync(Student()));
        Assert.Equal(["work_submitted"], await CategoriesAsync(Partner()));
        using var faculty = factory.CreateClientAs(_faculty, "faculty");
        Assert.Equal(["reflection_shared", "placement_completed"], await CategoriesAsync(faculty));
        var submitted = Assert.Single(await Partner().ItemsAsync());
        Assert.Contains("approved automatically on", submitted.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARevokedCredential_TellsTheStudentWhy_ButTheirOwnNameChoiceTellsNobody()
    {
        var placement = Guid.NewGuid();
        var credential = new CredentialSnapshot("AbCdEfGhIjKlMnOpQrStUv", 2, placement, _student, _organization, true, "revoked", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
        await factory.PublishAndWaitAsync(new CredentialRevoked(credential, "superseded", DateTimeOffset.UtcNow), consumers: 1);
        await factory.PublishAndWaitAsync(
            new CredentialRevoked(credential with { CredentialId = "ZyXwVuTsRqPoNmLkJiHgFe" }, "issued_in_error", DateTimeOffset.UtcNow), consumers: 1);

        using var student = Student();
        var told = Assert.Single(await student.ItemsAsync());
        Assert.Equal("credential_revoked", told.GetProperty("category").GetString());
        Assert.Contains("it was issued in error", told.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACancelledPlacementsSettlement_WaitsForTheOrganization_IsMadeDisputedEscalatedAndFinalForTheStudent()
    {
        await ListingAsync();
        using var coordinator = factory.CreateClientAs($"c-{Guid.NewGuid():N}", "coordinator");
        var placement = Snapshots.Placement(Guid.NewGuid(), _listing, _organization, _student, "cancelled", 2, settlement: "pending", proposedCents: 12_000);
        var now = DateTimeOffset.UtcNow;
        await factory.PublishAndWaitAsync(new PlacementCancelled(placement, now), consumers: 2);
        await factory.PublishAndWaitAsync(new PlacementSettlementDisputable(placement with { Version = 3, Settlement = "settled" }, 6_000, now.AddDays(7), now), consumers: 1);
        await factory.PublishAndWaitAsync(new PlacementSettlementEscalated(placement with { Version = 4, Settlement = "escalated" }, "disputed", now), consumers: 1);
        await factory.PublishAndWaitAsync(new PlacementSettled(placement with { Version = 5, Settlement = "final" }, 10_000, "coordinator", now), consumers: 1);

        Assert.Equal(["settlement_waiting"], await CategoriesAsync(Partner()));
        using var student = Student();
        var told = await student.ItemsAsync();
        Assert.Equal(["settlement_made", "settlement_escalated", "settlement_made"], told.Select(n => n.GetProperty("category").GetString()));
        Assert.Contains("100.00 USD", told[0].GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("60.00 USD (the proposal was 120.00 USD)", told[2].GetProperty("body").GetString(), StringComparison.Ordinal);
        var escalated = (await coordinator.ItemsAsync())[0];
        Assert.Equal("settlement_escalated", escalated.GetProperty("category").GetString());
        Assert.Contains("the student disputed", escalated.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Payouts_TellTheStudent_AndCoordinatorsWhenTheyMustAct()
    {
        using var coordinator = factory.CreateClientAs($"c-{Guid.NewGuid():N}", "coordinator");
        var before = await coordinator.UnreadAsync();
        var now = DateTimeOffset.UtcNow;
        await factory.PublishAndWaitAsync(new PayoutOnHold(Snapshots.Payout(_student, status: "on_hold"), "insufficient_funds", now), consumers: 1);
        var first = Snapshots.Payout(_student, 1, "failed");
        await factory.PublishAndWaitAsync(new PayoutFailed(first.PayoutId, 1, first.PlacementId, 1, 40_000, "USD", "recipient_unknown", now, first), consumers: 1);
        var second = first with { Attempt = 2, Version = 3 };
        await factory.PublishAndWaitAsync(new PayoutFailed(second.PayoutId, 3, second.PlacementId, 2, 40_000, "USD", "recipient_unknown", now, second), consumers: 1);
        var paid = Snapshots.Payout(_student, status: "paid");
        await factory.PublishAndWaitAsync(new PayoutPaid(paid.PayoutId, 2, paid.PlacementId, 1, 40_000, "USD", now, paid), consumers: 1);
        await factory.PublishAndWaitAsync(new PayoutReturned(paid.PayoutId, 3, paid.PlacementId, 1, 40_000, "USD", "account_closed", now, paid), consumers: 1);
        await factory.PublishAndWaitAsync(new PayoutFlagged(paid, "a payout reported paid twice", now), consumers: 1);

        Assert.Equal(["payout_returned", "payout_paid", "payout_failed", "payout_failed", "payout_on_hold"], await CategoriesAsync(Student()));
        var coordinators = await coordinator.CategoriesAsync();
        Assert.Equal(["payout_flagged", "payout_failed_twice", "payout_on_hold"], coordinators.Take(3));
        Assert.Equal(before + 3, await coordinator.UnreadAsync());
    }

    [Fact]
    public async Task AFundBelowATenth_TellsCoordinatorsOncePerCrossing()
    {
        using var coordinator = factory.CreateClientAs($"c-{Guid.NewGuid():N}", "coordinator");
        var fund = Guid.NewGuid();
        async Task ChangeAsync(long version, long available) =>
            await factory.PublishAndWaitAsync(new FundChanged(Snapshots.Fund(fund, version, 1_000_000, available), "reserved", 1, null, DateTimeOffset.UtcNow), consumers: 1);

        await ChangeAsync(1, 1_000_000);
        await ChangeAsync(2, 150_000);
        await ChangeAsync(3, 90_000);
        await ChangeAsync(4, 50_000);
        await ChangeAsync(5, 200_000);
        await ChangeAsync(6, 20_000);

        var lows = (await coordinator.ItemsAsync("/api/notifications?limit=100"))
            .Where(n => n.GetProperty("category").GetString() == "fund_low" && n.GetProperty("body").GetString()!.Contains("of 10,000.00 USD", StringComparison.Ordinal))
            .Select(n => n.GetProperty("body").GetString())
            .ToList();
        Assert.Contains("200.00 USD of 10,000.00 USD is left.", lows);
        Assert.Contains("900.00 USD of 10,000.00 USD is left.", lows);
        Assert.DoesNotContain("500.00 USD of 10,000.00 USD is left.", lows);
    }

    [Fact]
    public async Task Registrations_TellTheRegistrant()
    {
        var institute = Guid.NewGuid();
        await factory.PublishAndWaitAsync(new EventCreated(Snapshots.Institute(institute, DateTimeOffset.UtcNow.AddDays(30)), DateTimeOffset.UtcNow), consumers: 1);
        var registration = Guid.NewGuid();
        await factory.PublishAndWaitAsync(new RegistrationWaitlisted(Snapshots.Registration(registration, institute, _student, "waitlisted"), DateTimeOffset.UtcNow), consumers: 1);
        await factory.PublishAndWaitAsync(new RegistrationPromoted(Snapshots.Registration(registration, institute, _student, "confirmed", 2), DateTimeOffset.UtcNow), consumers: 2);
        using var other = factory.CreateClientAs($"s-{Guid.NewGuid():N}", "student");
        await factory.PublishAndWaitAsync(new RegistrationConfirmed(Snapshots.Registration(Guid.NewGuid(), institute, _student, "confirmed"), DateTimeOffset.UtcNow), consumers: 2);

        Assert.Equal(["registration_confirmed", "registration_promoted", "registration_waitlisted"], await CategoriesAsync(Student()));
        Assert.Empty(await other.ItemsAsync());
    }

    [Fact]
    public async Task CoursesAndListings_TellFacultyAndTheOrganization()
    {
        await ListingAsync();
        var course = Guid.NewGuid();
        await factory.PublishAndWaitAsync(new CourseCreated(Snapshots.Course(course, _faculty, "BUS 210"), DateTimeOffset.UtcNow), consumers: 1);
        var request = new CourseRequestSnapshot(Guid.NewGuid(), 1, _listing, course, _organization, $"p-{Guid.NewGuid():N}", _faculty, "pending", null);
        await factory.PublishAndWaitAsync(new CourseRequestMade(request, DateTimeOffset.UtcNow), consumers: 1);
        await factory.PublishAndWaitAsync(new CourseRequestAnswered(request with { Version = 2, Status = "accepted" }, DateTimeOffset.UtcNow), consumers: 1);
        await factory.PublishAndWaitAsync(new CourseListingLinked(course, _listing, _faculty, "Dr. Faculty", "BUS 210", DateTimeOffset.UtcNow, 2), consumers: 1);
        var listing = Snapshots.Listing(_listing, _organization, "Retail dashboard", 3);
        await factory.PublishAndWaitAsync(new ListingClosed(listing, "manual", DateTimeOffset.UtcNow), consumers: 1);
        await factory.PublishAndWaitAsync(new ListingClosed(listing with { Version = 4 }, "deadline", DateTimeOffset.UtcNow), consumers: 1);

        using var faculty = factory.CreateClientAs(_faculty, "faculty");
        Assert.Equal(["course_request_received"], await CategoriesAsync(faculty));
        Assert.Equal(["listing_closed", "listing_linked", "course_request_answered"], await CategoriesAsync(Partner()));
    }

    [Fact]
    public async Task AnEventAboutAListingNotYetKnown_WaitsForIt_InsteadOfNotifyingWithABlank()
    {
        var messageId = MassTransit.NewId.NextGuid();
        await factory.PublishAsync(new ApplicationSubmitted(Application("submitted"), DateTimeOffset.UtcNow), messageId);
        await Task.Delay(300);
        Assert.Empty(await Partner().ItemsAsync());

        await ListingAsync();

        await Eventually.HoldsAsync(async () => (await CategoriesAsync(Partner())).SequenceEqual(["application_received"]), "the application is told once its listing is known");
        Assert.Contains("Bike-lane map", Assert.Single(await Partner().ItemsAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    private Task ListingAsync() =>
        factory.PublishAndWaitAsync(new ListingPublished(Snapshots.Listing(_listing, _organization, "Bike-lane map"), DateTimeOffset.UtcNow), consumers: 1);

    private ApplicationSnapshot Application(string status, long version = 1, DateTimeOffset? offerExpiresAt = null) =>
        Snapshots.Application(_application, _listing, _organization, _student, status, version, offerExpiresAt);

    private readonly Guid _application = Guid.NewGuid();

    private HttpClient Student() => factory.CreateClientAs(_student, "student");

    private HttpClient Partner() => factory.CreateClientAs($"p-{Guid.NewGuid():N}", "partner", _organization.ToString());

    private static async Task<List<string>> CategoriesAsync(HttpClient client)
    {
        using (client)
        {
            return await client.CategoriesAsync();
        }
    }
}
