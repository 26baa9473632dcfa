using MassTransit;
using MicroInternships.Contracts.Listings;
using MicroInternships.Contracts.Payments;

namespace MicroInternships.Placements.Tests;

/// <summary>Every event arrives through the test RabbitMQ, twice and out of order; each takes effect once, and never backwards.</summary>
[Collection(PlacementsCollection.Name)]
public sealed class ConsumerTests(PlacementsFactory factory)
{
    private readonly PlacementsScenario _scenario = new(factory);

    [Fact]
    public async Task ListingEvents_OutOfOrder_KeepTheNewestSnapshot()
    {
        var v1 = PlacementsScenario.Listing(_scenario.OrganizationId, openings: 1);
        var v2 = v1 with { Version = 2, Openings = 3, Title = "Survey analysis, extended" };

        await _scenario.PublishAsync(new ListingUpdated(v2, DateTimeOffset.UtcNow));
        await _scenario.WaitForListingVersionAsync(v1.ListingId, 2);
        await _scenario.PublishAndWaitAsync(new ListingPublished(v1, DateTimeOffset.UtcNow));

        Assert.Equal(2, await _scenario.ScalarAsync<long>($"SELECT version FROM listings WHERE id = '{v1.ListingId}'"));
        Assert.Equal(3, await _scenario.ScalarAsync<int>($"SELECT openings FROM listings WHERE id = '{v1.ListingId}'"));
    }

    /// <summary>Listings announces a draft's edits now; Placements follows the draft, which takes no applications until it is published.</summary>
    [Fact]
    public async Task ADraftsEdit_IsFollowed_AndItsListingTakesNoApplicationsUntilPublished()
    {
        var draft = PlacementsScenario.Listing(_scenario.OrganizationId) with { Version = 2, Status = "draft" };

        await _scenario.PublishAndWaitAsync(new ListingUpdated(draft, DateTimeOffset.UtcNow));

        Assert.Equal("draft", await _scenario.ScalarAsync<string>($"SELECT status FROM listings WHERE id = '{draft.ListingId}'"));
        using var refused = await _scenario.Student().PostJsonAsync("/api/applications", new { listingId = draft.ListingId, pitch = "I would like to help." });
        await refused.ProblemAsync(System.Net.HttpStatusCode.Conflict, "listing_not_open");
        await _scenario.PublishAndWaitAsync(new ListingPublished(draft with { Version = 3, Status = "open" }, DateTimeOffset.UtcNow));
        Assert.Equal("open", await _scenario.ScalarAsync<string>($"SELECT status FROM listings WHERE id = '{draft.ListingId}'"));
    }

    [Fact]
    public async Task ACancellationSeenFirst_Stays()
    {
        var listing = PlacementsScenario.Listing(_scenario.OrganizationId);
        await _scenario.PublishAsync(new ListingCancelled(listing with { Version = 3, Status = "cancelled" }, DateTimeOffset.UtcNow));
        await _scenario.WaitForListingVersionAsync(listing.ListingId, 3);
        await _scenario.PublishAndWaitAsync(new ListingPublished(listing with { Version = 4 }, DateTimeOffset.UtcNow));

        Assert.Equal("cancelled", await _scenario.ScalarAsync<string>($"SELECT status FROM listings WHERE id = '{listing.ListingId}'"));
    }

    [Fact]
    public async Task CourseLinkEvents_OutOfOrder_EndAtTheLaterOne()
    {
        var listing = (await _scenario.OpenListingAsync()).ListingId;
        var course = Guid.NewGuid();
        var linkedAt = DateTimeOffset.UtcNow;
        await _scenario.PublishAsync(new CourseListingUnlinked(course, listing, _scenario.FacultyId(), "Dr. Test", "BUS-101", linkedAt.AddMinutes(1), Version: 3));
        await _scenario.WaitUntilAsync($"SELECT count(*) FROM course_links WHERE course_id = '{course}'");
        await _scenario.PublishAndWaitAsync(new CourseListingLinked(course, listing, _scenario.FacultyId(), "Dr. Test", "BUS-101", linkedAt, Version: 2));

        Assert.False(await _scenario.ScalarAsync<bool>($"SELECT linked FROM course_links WHERE course_id = '{course}'"));
    }

    [Fact]
    public async Task CourseLinkEvents_AreOrderedByTheListingsVersion_NotByTheirClock()
    {
        var listing = (await _scenario.OpenListingAsync()).ListingId;
        var course = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await _scenario.PublishAsync(new CourseListingUnlinked(course, listing, _scenario.FacultyId(), "Dr. Test", "BUS-101", now, Version: 3));
        await _scenario.WaitUntilAsync($"SELECT count(*) FROM course_links WHERE course_id = '{course}'");
        await _scenario.PublishAndWaitAsync(new CourseListingLinked(course, listing, _scenario.FacultyId(), "Dr. Test", "BUS-101", now.AddMinutes(1), Version: 2));
        Assert.False(await _scenario.ScalarAsync<bool>($"SELECT linked FROM course_links WHERE course_id = '{course}'"));

        await _scenario.PublishAndWaitAsync(new CourseListingLinked(course, listing, _scenario.FacultyId(), "Dr. Test", "BUS-101", now.AddMinutes(-1), Version: 4));
        Assert.True(await _scenario.ScalarAsync<bool>($"SELECT linked FROM course_links WHERE course_id = '{course}'"));
    }

    [Fact]
    public async Task PayoutEvents_Twice_AndOutOfOrder_NeverMoveThePaymentBack()
    {
        var id = await _scenario.CompletedPlacementAsync();
        var payout = Guid.NewGuid();
        var paid = new PayoutPaid(payout, 3, id, 2, 60_000, "USD", DateTimeOffset.UtcNow, Payout(payout, 3, id, "paid"));
        var messageId = NewId.NextGuid();

        await _scenario.PublishAsync(paid, messageId);
        await _scenario.PublishAsync(paid, messageId);
        await _scenario.WaitUntilAsync($"SELECT count(*) FROM placements WHERE id = '{id}' AND payment_status = 'paid'");
        await _scenario.PublishAndWaitAsync(new PayoutFailed(
            payout, 2, id, 1, 60_000, "USD", "recipient_unknown", DateTimeOffset.UtcNow.AddMinutes(-5), Payout(payout, 2, id, "failed")));

        var placement = await _scenario.GetPlacementAsync(id);
        Assert.Equal("paid", placement.GetProperty("paymentStatus").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, placement.GetProperty("paidAt").ValueKind);

        using var verify = await _scenario.Student().GetAsync($"/api/placements/{id}/record");
        var code = (await verify.ReadAsync(System.Net.HttpStatusCode.OK)).GetProperty("verificationCode").GetString();
        using var record = await _scenario.Anonymous.GetAsync($"/api/verify/{code}");
        Assert.True((await record.ReadAsync(System.Net.HttpStatusCode.OK)).GetProperty("paid").GetBoolean());

        await _scenario.PublishAsync(new PayoutReturned(payout, 4, id, 2, 60_000, "USD", "account_closed", DateTimeOffset.UtcNow, Payout(payout, 4, id, "returned")));
        await _scenario.WaitUntilAsync($"SELECT count(*) FROM placements WHERE id = '{id}' AND payment_status = 'returned'");
    }

    [Fact]
    public async Task AFailedPayout_ShowsItsReason_ToTheStudent()
    {
        var id = await _scenario.CompletedPlacementAsync();
        var payout = Guid.NewGuid();
        await _scenario.PublishAsync(new PayoutFailed(payout, 2, id, 1, 60_000, "USD", "recipient_unknown", DateTimeOffset.UtcNow, Payout(payout, 2, id, "failed")));
        await _scenario.WaitUntilAsync($"SELECT count(*) FROM placements WHERE id = '{id}' AND payment_status = 'failed'");

        using var response = await _scenario.Student().GetAsync($"/api/placements/{id}");
        var placement = await response.ReadAsync(System.Net.HttpStatusCode.OK);
        Assert.Equal("recipient_unknown", placement.GetProperty("paymentFailureReason").GetString());
    }

    [Fact]
    public async Task AFundRefusingTheReservation_LeavesThePlacementUnfunded_AndItsPaymentFollowsThePayout()
    {
        var fund = Guid.NewGuid();
        var listing = (await _scenario.OpenListingAsync(fundId: fund)).ListingId;
        var id = (await _scenario.ActivePlacementAsync(listingId: listing)).GetProperty("id").GetGuid();

        var refused = new FundReservationRefused(fund, id, 60_000, "USD", "insufficient_funds", DateTimeOffset.UtcNow, PayoutId: null, Attempt: null, FundVersion: 4);
        await _scenario.PublishAsync(refused);
        await _scenario.PublishAsync(refused);
        await _scenario.WaitUntilAsync($"SELECT count(*) FROM placements WHERE id = '{id}' AND funding_status = 'unfunded'");

        await _scenario.LogHoursAsync(id, 5);
        using var submit = await _scenario.Student().PostJsonAsync($"/api/placements/{id}/submit", new { note = "Done" });
        await submit.ReadAsync(System.Net.HttpStatusCode.OK);
        using var approve = await _scenario.Partner.PostJsonAsync($"/api/placements/{id}/approve", new { rating = 5, feedback = "Good" });
        Assert.Equal("none", (await approve.ReadAsync(System.Net.HttpStatusCode.OK)).GetProperty("paymentStatus").GetString());

        var payout = Guid.NewGuid();
        await _scenario.PublishAsync(new PayoutOnHold(Payout(payout, 2, id, "on_hold"), "insufficient_funds", DateTimeOffset.UtcNow));
        await _scenario.PublishAsync(new PayoutOpened(Payout(payout, 1, id, "pending"), DateTimeOffset.UtcNow));
        await _scenario.WaitUntilAsync($"SELECT count(*) FROM placements WHERE id = '{id}' AND payment_status = 'on_hold' AND payment_version = 2");
        await _scenario.PublishAsync(new PayoutFunded(Payout(payout, 3, id, "pending"), DateTimeOffset.UtcNow));
        await _scenario.WaitUntilAsync($"SELECT count(*) FROM placements WHERE id = '{id}' AND payment_status = 'pending' AND payment_version = 3");
    }

    [Fact]
    public async Task ARetriedPayout_IsPendingAgain_WithoutTheOldReason()
    {
        var id = await _scenario.CompletedPlacementAsync();
        var payout = Guid.NewGuid();
        await _scenario.PublishAsync(new PayoutFailed(payout, 3, id, 1, 60_000, "USD", "recipient_unknown", DateTimeOffset.UtcNow, Payout(payout, 3, id, "failed")));
        await _scenario.WaitUntilAsync($"SELECT count(*) FROM placements WHERE id = '{id}' AND payment_status = 'failed'");

        await _scenario.PublishAsync(new PayoutRetried(Payout(payout, 4, id, "pending", attempt: 2), DateTimeOffset.UtcNow));
        await _scenario.WaitUntilAsync($"SELECT count(*) FROM placements WHERE id = '{id}' AND payment_status = 'pending' AND payment_failure_reason IS NULL");
    }

    private static PayoutSnapshot Payout(Guid payoutId, long version, Guid placementId, string status, int attempt = 1) => new(
        payoutId, version, placementId, "student-1", Guid.NewGuid(), 60_000, "USD", FundId: null, status, attempt,
        status is "failed" or "returned" ? "recipient_unknown" : null, Flagged: status == "returned", PaidAt: status == "paid" ? DateTimeOffset.UtcNow : null);
}
