using System.Net;
using System.Text.Json;
using MicroInternships.Contracts.Listings;

namespace MicroInternships.Placements.Tests;

[Collection(PlacementsCollection.Name)]
public sealed class ApplicationTests(PlacementsFactory factory)
{
    private readonly PlacementsScenario _scenario = new(factory);

    [Fact]
    public async Task Apply_ToAnOpenListing_IsSubmitted_WithTheStudentFromTheToken()
    {
        var listing = await _scenario.OpenListingAsync();

        var application = await _scenario.ApplyAsync(listing.ListingId);

        Assert.Equal("submitted", application.GetProperty("status").GetString());
        Assert.Equal(_scenario.StudentId(), application.GetProperty("studentId").GetString());
        Assert.Equal(listing.OrganizationId, application.GetProperty("organizationId").GetGuid());
        Assert.Equal(JsonValueKind.Null, application.GetProperty("offeredAt").ValueKind);
    }

    [Fact]
    public async Task Apply_WithBrokenFields_Is400_NamingEach()
    {
        using var response = await _scenario.Student().PostJsonAsync("/api/applications", new { pitch = "" });
        await response.ValidationAsync("listingId", "pitch");

        using var tooLong = await _scenario.Student().PostJsonAsync("/api/applications", new { listingId = Guid.NewGuid(), pitch = new string('x', 2001) });
        await tooLong.ValidationAsync("pitch");
    }

    [Fact]
    public async Task Apply_ToAListingPlacementsNeverHeardOf_OrNotOpen_Is409()
    {
        using var unknown = await _scenario.Student().PostJsonAsync("/api/applications", new { listingId = Guid.NewGuid(), pitch = "Hi" });
        await unknown.ProblemAsync(HttpStatusCode.Conflict, "listing_not_open");

        var closed = PlacementsScenario.Listing(_scenario.OrganizationId, status: "closed");
        await _scenario.PublishAsync(new ListingClosed(closed, "manual", DateTimeOffset.UtcNow));
        await _scenario.WaitForListingVersionAsync(closed.ListingId, 1);
        using var toClosed = await _scenario.Student().PostJsonAsync("/api/applications", new { listingId = closed.ListingId, pitch = "Hi" });
        await toClosed.ProblemAsync(HttpStatusCode.Conflict, "listing_not_open");

        var pastDeadline = PlacementsScenario.Listing(_scenario.OrganizationId, deadline: DateTimeOffset.UtcNow.AddMinutes(-1));
        await _scenario.PublishAsync(new ListingPublished(pastDeadline, DateTimeOffset.UtcNow));
        await _scenario.WaitForListingVersionAsync(pastDeadline.ListingId, 1);
        using var late = await _scenario.Student().PostJsonAsync("/api/applications", new { listingId = pastDeadline.ListingId, pitch = "Hi" });
        await late.ProblemAsync(HttpStatusCode.Conflict, "listing_not_open");
    }

    [Fact]
    public async Task OneActiveApplicationPerStudentAndListing_AgainAfterWithdrawing_NeverAfterRejection()
    {
        var listing = (await _scenario.OpenListingAsync()).ListingId;
        var first = (await _scenario.ApplyAsync(listing)).GetProperty("id").GetGuid();

        using var twice = await _scenario.Student().PostJsonAsync("/api/applications", new { listingId = listing, pitch = "Again" });
        await twice.ProblemAsync(HttpStatusCode.Conflict, "application_exists");

        using var withdrawn = await _scenario.Student().PostJsonAsync($"/api/applications/{first}/withdraw");
        Assert.Equal("withdrawn", (await withdrawn.ReadAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        var second = (await _scenario.ApplyAsync(listing)).GetProperty("id").GetGuid();

        using var rejected = await _scenario.Partner.PostJsonAsync($"/api/applications/{second}/reject");
        Assert.Equal("rejected", (await rejected.ReadAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        using var afterRejection = await _scenario.Student().PostJsonAsync("/api/applications", new { listingId = listing, pitch = "Please" });
        await afterRejection.ProblemAsync(HttpStatusCode.Conflict, "application_rejected");
    }

    [Fact]
    public async Task CourseId_MustBeACourseThatLinksTheListing()
    {
        var listing = (await _scenario.OpenListingAsync()).ListingId;
        var course = Guid.NewGuid();

        using var unlinked = await _scenario.Student().PostJsonAsync("/api/applications", new { listingId = listing, pitch = "Hi", courseId = course });
        await unlinked.ValidationAsync("courseId");

        await _scenario.LinkCourseAsync(course, listing);
        var application = await _scenario.ApplyAsync(listing, courseId: course);
        Assert.Equal(course, application.GetProperty("courseId").GetGuid());
    }

    [Fact]
    public async Task Offer_CopiesTheListingsTerms_AndExpiresInSevenDays()
    {
        var listing = await _scenario.OpenListingAsync();
        var id = (await _scenario.ApplyAsync(listing.ListingId)).GetProperty("id").GetGuid();

        using var response = await _scenario.Partner.PostJsonAsync($"/api/applications/{id}/offer");
        var offered = await response.ReadAsync(HttpStatusCode.OK);

        Assert.Equal("offered", offered.GetProperty("status").GetString());
        Assert.Equal(listing.AmountCents, offered.GetProperty("amountCents").GetInt64());
        Assert.Equal(listing.EstimatedHours, offered.GetProperty("estimatedHours").GetInt32());
        var expiresIn = offered.GetProperty("offerExpiresAt").GetDateTimeOffset() - offered.GetProperty("offeredAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromDays(7), expiresIn);
    }

    [Fact]
    public async Task EveryWrongStateCall_Is409()
    {
        var listing = (await _scenario.OpenListingAsync(openings: 3)).ListingId;
        var submitted = (await _scenario.ApplyAsync(listing, student: 1)).GetProperty("id").GetGuid();
        var offered = await _scenario.OfferedApplicationAsync(listing, student: 2);

        using var acceptSubmitted = await _scenario.Student(1).PostJsonAsync($"/api/applications/{submitted}/accept");
        await acceptSubmitted.ProblemAsync(HttpStatusCode.Conflict, "application_wrong_state");
        using var declineSubmitted = await _scenario.Student(1).PostJsonAsync($"/api/applications/{submitted}/decline");
        await declineSubmitted.ProblemAsync(HttpStatusCode.Conflict, "application_wrong_state");
        using var rejectOffered = await _scenario.Partner.PostJsonAsync($"/api/applications/{offered}/reject");
        await rejectOffered.ProblemAsync(HttpStatusCode.Conflict, "application_wrong_state");
        using var offerTwice = await _scenario.Partner.PostJsonAsync($"/api/applications/{offered}/offer");
        await offerTwice.ProblemAsync(HttpStatusCode.Conflict, "application_wrong_state");

        using var declined = await _scenario.Student(2).PostJsonAsync($"/api/applications/{offered}/decline");
        Assert.Equal("declined", (await declined.ReadAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        using var withdrawDeclined = await _scenario.Student(2).PostJsonAsync($"/api/applications/{offered}/withdraw");
        await withdrawDeclined.ProblemAsync(HttpStatusCode.Conflict, "application_wrong_state");
        using var acceptDeclined = await _scenario.Student(2).PostJsonAsync($"/api/applications/{offered}/accept");
        await acceptDeclined.ProblemAsync(HttpStatusCode.Conflict, "application_wrong_state");
    }

    [Fact]
    public async Task OnlyTheOwningPartnerOffers_AndOnlyTheApplicantAccepts()
    {
        var listing = (await _scenario.OpenListingAsync()).ListingId;
        var id = (await _scenario.ApplyAsync(listing)).GetProperty("id").GetGuid();

        using var otherPartner = await _scenario.OtherPartner.PostJsonAsync($"/api/applications/{id}/offer");
        await otherPartner.ProblemAsync(HttpStatusCode.NotFound, "application_not_found");
        using var student = await _scenario.Student().PostJsonAsync($"/api/applications/{id}/offer");
        await student.ProblemAsync(HttpStatusCode.Forbidden, "not_listing_owner");
        using var coordinator = await _scenario.Coordinator.PostJsonAsync($"/api/applications/{id}/offer");
        await coordinator.ProblemAsync(HttpStatusCode.Forbidden, "not_listing_owner");
        using var otherStudent = await _scenario.Student(2).PostJsonAsync($"/api/applications/{id}/withdraw");
        await otherStudent.ProblemAsync(HttpStatusCode.NotFound, "application_not_found");
        using var partnerWithdraws = await _scenario.Partner.PostJsonAsync($"/api/applications/{id}/withdraw");
        await partnerWithdraws.ProblemAsync(HttpStatusCode.Forbidden, "not_the_applicant");
    }

    [Fact]
    public async Task AClosedListingsPendingApplications_CanStillBeOfferedAndAccepted_ButNotOnAFilledOne()
    {
        var listing = await _scenario.OpenListingAsync(openings: 1);
        var first = (await _scenario.ApplyAsync(listing.ListingId, student: 1)).GetProperty("id").GetGuid();
        var second = (await _scenario.ApplyAsync(listing.ListingId, student: 2)).GetProperty("id").GetGuid();
        await _scenario.PublishAsync(new ListingClosed(listing with { Version = 2, Status = "closed" }, "deadline", DateTimeOffset.UtcNow));
        await _scenario.WaitForListingVersionAsync(listing.ListingId, 2);

        using var offer = await _scenario.Partner.PostJsonAsync($"/api/applications/{first}/offer");
        await offer.ReadAsync(HttpStatusCode.OK);
        using var accept = await _scenario.Student(1).PostJsonAsync($"/api/applications/{first}/accept");
        await accept.ReadAsync(HttpStatusCode.Created);

        using var offerOnFull = await _scenario.Partner.PostJsonAsync($"/api/applications/{second}/offer");
        await offerOnFull.ProblemAsync(HttpStatusCode.Conflict, "listing_filled");
    }

    [Fact]
    public async Task ListingCancelled_ExpiresItsPendingApplications()
    {
        var listing = await _scenario.OpenListingAsync(openings: 2);
        var submitted = (await _scenario.ApplyAsync(listing.ListingId, student: 1)).GetProperty("id").GetGuid();
        var offered = await _scenario.OfferedApplicationAsync(listing.ListingId, student: 2);

        await _scenario.PublishAsync(new ListingCancelled(listing with { Version = 2, Status = "cancelled" }, DateTimeOffset.UtcNow));
        await _scenario.WaitForListingVersionAsync(listing.ListingId, 2);

        using var list = await _scenario.Partner.GetAsync($"/api/applications?listingId={listing.ListingId}&status=expired");
        var expired = (await list.ReadAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToHashSet();
        Assert.True(expired.SetEquals([submitted, offered]), $"Expired: {string.Join(", ", expired)}");
        using var accept = await _scenario.Student(2).PostJsonAsync($"/api/applications/{offered}/accept");
        await accept.ProblemAsync(HttpStatusCode.Conflict, "application_wrong_state");
    }

    [Fact]
    public async Task List_RejectsAnUnknownStatus_NamingTheField()
    {
        using var response = await _scenario.Coordinator.GetAsync("/api/applications?status=pending");
        await response.ValidationAsync("status");
    }
}
