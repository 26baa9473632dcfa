using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MicroInternships.Contracts.Listings;

namespace MicroInternships.Listings.Tests;

[Collection(ListingsCollection.Name)]
public sealed class ListingLifecycleTests(ListingsFactory factory)
{
    private readonly ListingsScenario _scenario = new(factory);

    [Fact]
    public async Task Create_AsPartner_ReturnsDraftOfItsOrganization()
    {
        var organization = await _scenario.CreateOrganizationAsync();

        using var response = await _scenario.PartnerOf(organization).PostAsJsonAsync("/api/listings", ListingsScenario.ListingBody());

        var listing = await response.ReadAsync(HttpStatusCode.Created);
        Assert.Equal("draft", listing.GetProperty("status").GetString());
        Assert.Equal(organization, listing.GetProperty("organizationId").GetGuid());
        Assert.Equal(0, listing.GetProperty("filledCount").GetInt32());
        Assert.Equal($"/api/listings/{listing.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
        Assert.EndsWith("Z", listing.GetProperty("applicationDeadline").GetString());
    }

    [Fact]
    public async Task Create_WithBrokenFields_Returns400NamingEachField()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var body = ListingsScenario.ListingBody(title: "ab", hours: 12, skills: [.. Enumerable.Range(0, 16).Select(i => $"skill {i}")], openings: 51);
        body.Remove("workMode");
        body["applicationDeadline"] = DateTimeOffset.UtcNow.AddDays(-1);

        using var response = await _scenario.PartnerOf(organization).PostAsJsonAsync("/api/listings", body);

        await response.ValidationAsync("title", "estimatedHours", "skills", "openings", "workMode", "applicationDeadline");
    }

    [Fact]
    public async Task Create_PayingBelowTheMinimumPerHour_Returns400OnAmount()
    {
        var organization = await _scenario.CreateOrganizationAsync();

        using var response = await _scenario.PartnerOf(organization).PostAsJsonAsync("/api/listings", ListingsScenario.ListingBody(hours: 30, amountCents: 30 * 1600 - 1));

        await response.ValidationAsync("compensation.amountCents");
    }

    [Fact]
    public async Task Create_AtExactlyTheMinimumPerHour_IsAccepted()
    {
        var organization = await _scenario.CreateOrganizationAsync();

        using var response = await _scenario.PartnerOf(organization).PostAsJsonAsync("/api/listings", ListingsScenario.ListingBody(hours: 20, amountCents: 20 * 1600));

        await response.ReadAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Create_WithDeadlineWithoutOffset_Returns400NamingTheField()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var body = ListingsScenario.ListingBody();
        body["applicationDeadline"] = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-ddTHH:mm:ss");

        using var response = await _scenario.PartnerOf(organization).PostAsJsonAsync("/api/listings", body);

        await response.ValidationAsync("applicationDeadline");
    }

    [Fact]
    public async Task Create_WithUnknownWorkMode_Returns400NamingTheField()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var body = ListingsScenario.ListingBody(workMode: "moon");

        using var response = await _scenario.PartnerOf(organization).PostAsJsonAsync("/api/listings", body);

        await response.ValidationAsync("workMode");
    }

    [Fact]
    public async Task Create_ForAnotherOrganization_Returns403()
    {
        var own = await _scenario.CreateOrganizationAsync();
        var other = await _scenario.CreateOrganizationAsync();
        var body = ListingsScenario.ListingBody();
        body["organizationId"] = other;

        using var response = await _scenario.PartnerOf(own).PostAsJsonAsync("/api/listings", body);

        await response.ProblemAsync(HttpStatusCode.Forbidden, "not_own_organization");
    }

    [Fact]
    public async Task Create_WithFund_IsForCoordinatorsOnly()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var body = ListingsScenario.ListingBody();
        body["fundId"] = Guid.NewGuid();

        using var asPartner = await _scenario.PartnerOf(organization).PostAsJsonAsync("/api/listings", body);
        body["organizationId"] = organization;
        using var asCoordinator = await _scenario.Coordinator.PostAsJsonAsync("/api/listings", body);

        await asPartner.ProblemAsync(HttpStatusCode.Forbidden, "fund_coordinator_only");
        Assert.Equal(body["fundId"], (await asCoordinator.ReadAsync(HttpStatusCode.Created)).GetProperty("fundId").GetGuid());
    }

    [Fact]
    public async Task Create_AsStudent_Returns403_AndWithoutToken_Returns401()
    {
        using var asStudent = await _scenario.Student.PostAsJsonAsync("/api/listings", ListingsScenario.ListingBody());
        using var anonymous = await factory.CreateClient().PostAsJsonAsync("/api/listings", ListingsScenario.ListingBody());

        Assert.Equal(HttpStatusCode.Forbidden, asStudent.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Draft_IsHiddenFromOtherOrganizationsAndStudents_AndShownToOwnerAndCoordinator()
    {
        var owner = await _scenario.CreateOrganizationAsync();
        var other = await _scenario.CreateOrganizationAsync();
        var id = (await _scenario.CreateListingAsync(owner)).GetProperty("id").GetGuid();

        using var byOther = await _scenario.PartnerOf(other).GetAsync($"/api/listings/{id}");
        using var byStudent = await _scenario.Student.GetAsync($"/api/listings/{id}");
        using var byOwner = await _scenario.PartnerOf(owner).GetAsync($"/api/listings/{id}");
        using var byCoordinator = await _scenario.Coordinator.GetAsync($"/api/listings/{id}");
        using var editByOther = await _scenario.PartnerOf(other).PutAsJsonAsync($"/api/listings/{id}", ListingsScenario.ListingBody());

        await byOther.ProblemAsync(HttpStatusCode.NotFound, "listing_not_found");
        await byStudent.ProblemAsync(HttpStatusCode.NotFound, "listing_not_found");
        await editByOther.ProblemAsync(HttpStatusCode.NotFound, "listing_not_found");
        await byOwner.ReadAsync(HttpStatusCode.OK);
        await byCoordinator.ReadAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_WithIdThatIsNotAGuid_Returns404()
    {
        using var response = await _scenario.Student.GetAsync("/api/listings/not-a-guid");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Publish_OpensTheDraft_AndWritesOneListingPublished()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var id = (await _scenario.CreateListingAsync(organization)).GetProperty("id").GetGuid();

        using var response = await _scenario.PartnerOf(organization).PostJsonAsync($"/api/listings/{id}/publish");
        using var again = await _scenario.PartnerOf(organization).PostJsonAsync($"/api/listings/{id}/publish");

        var listing = await response.ReadAsync(HttpStatusCode.OK);
        Assert.Equal("open", listing.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, listing.GetProperty("publishedAt").ValueKind);
        await again.ProblemAsync(HttpStatusCode.Conflict, "listing_not_draft");
        Assert.Equal(1, await _scenario.OutboxCountAsync<ListingPublished>(id));
    }

    [Fact]
    public async Task OpenListing_IsVisibleToStudents_ButOnlyItsOwnerMayAct()
    {
        var owner = await _scenario.CreateOrganizationAsync();
        var other = await _scenario.CreateOrganizationAsync();
        var id = await _scenario.CreateOpenListingAsync(owner);

        using var read = await _scenario.Student.GetAsync($"/api/listings/{id}");
        using var closeByOther = await _scenario.PartnerOf(other).PostJsonAsync($"/api/listings/{id}/close");
        using var closeByStudent = await _scenario.Student.PostJsonAsync($"/api/listings/{id}/close");

        await read.ReadAsync(HttpStatusCode.OK);
        await closeByOther.ProblemAsync(HttpStatusCode.Forbidden, "not_listing_owner");
        await closeByStudent.ProblemAsync(HttpStatusCode.Forbidden, "not_listing_owner");
    }

    [Fact]
    public async Task Close_OpenListing_ClosesWithReasonManual_AndADraftCannotBeClosed()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var open = await _scenario.CreateOpenListingAsync(organization);
        var draft = (await _scenario.CreateListingAsync(organization)).GetProperty("id").GetGuid();

        using var closed = await _scenario.PartnerOf(organization).PostJsonAsync($"/api/listings/{open}/close");
        using var closeDraft = await _scenario.PartnerOf(organization).PostJsonAsync($"/api/listings/{draft}/close");

        var listing = await closed.ReadAsync(HttpStatusCode.OK);
        Assert.Equal("closed", listing.GetProperty("status").GetString());
        Assert.Equal("manual", listing.GetProperty("closeReason").GetString());
        Assert.Equal("manual", await _scenario.LastClosedReasonAsync(open));
        await closeDraft.ProblemAsync(HttpStatusCode.Conflict, "listing_not_open");
    }

    [Fact]
    public async Task Cancel_OpenListing_PublishesListingCancelled_AndAClosedOneCannotBeCancelled()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var open = await _scenario.CreateOpenListingAsync(organization);
        var closed = await _scenario.CreateOpenListingAsync(organization);
        (await _scenario.PartnerOf(organization).PostJsonAsync($"/api/listings/{closed}/close")).Dispose();

        using var cancelled = await _scenario.Coordinator.PostJsonAsync($"/api/listings/{open}/cancel");
        using var cancelClosed = await _scenario.PartnerOf(organization).PostJsonAsync($"/api/listings/{closed}/cancel");
        using var hiddenFromStudents = await _scenario.Student.GetAsync($"/api/listings/{open}");

        Assert.Equal("cancelled", (await cancelled.ReadAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal(1, await _scenario.OutboxCountAsync<ListingCancelled>(open));
        await cancelClosed.ProblemAsync(HttpStatusCode.Conflict, "listing_not_cancellable");
        Assert.Equal(HttpStatusCode.NotFound, hiddenFromStudents.StatusCode);
    }

    [Fact]
    public async Task Update_OpenListing_ChangesTextButNotPayOrHours()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var id = await _scenario.CreateOpenListingAsync(organization);
        var partner = _scenario.PartnerOf(organization);

        using var retitled = await partner.PutAsJsonAsync($"/api/listings/{id}", ListingsScenario.ListingBody(title: "A clearer title"));
        using var repriced = await partner.PutAsJsonAsync($"/api/listings/{id}", ListingsScenario.ListingBody(amountCents: 90_000));
        using var resized = await partner.PutAsJsonAsync($"/api/listings/{id}", ListingsScenario.ListingBody(hours: 25, amountCents: 60_000));

        var listing = await retitled.ReadAsync(HttpStatusCode.OK);
        Assert.Equal("A clearer title", listing.GetProperty("title").GetString());
        Assert.Equal(1, await _scenario.OutboxCountAsync<ListingUpdated>(id));
        await repriced.ProblemAsync(HttpStatusCode.Conflict, "listing_terms_locked");
        await resized.ProblemAsync(HttpStatusCode.Conflict, "listing_terms_locked");
        Assert.Equal("A clearer title", (await _scenario.GetListingAsync(id)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Update_Draft_MayChangeEverything_ButACancelledListingIsFrozen()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var partner = _scenario.PartnerOf(organization);
        var id = (await _scenario.CreateListingAsync(organization)).GetProperty("id").GetGuid();

        using var repriced = await partner.PutAsJsonAsync($"/api/listings/{id}", ListingsScenario.ListingBody(hours: 40, amountCents: 100_000));
        (await partner.PostJsonAsync($"/api/listings/{id}/cancel")).Dispose();
        using var afterCancel = await partner.PutAsJsonAsync($"/api/listings/{id}", ListingsScenario.ListingBody());

        Assert.Equal(100_000, (await repriced.ReadAsync(HttpStatusCode.OK)).GetProperty("compensation").GetProperty("amountCents").GetInt64());
        await afterCancel.ProblemAsync(HttpStatusCode.Conflict, "listing_not_editable");
    }

    [Fact]
    public async Task Update_ToAnotherOrganization_IsAPartners403_ACoordinatorsMoveOfADraft_AndA409OncePublished()
    {
        var organization = await _scenario.CreateOrganizationAsync();
        var other = await _scenario.CreateOrganizationAsync("Other Test Co");
        var draft = (await _scenario.CreateListingAsync(organization)).GetProperty("id").GetGuid();
        var published = await _scenario.CreateOpenListingAsync(organization);
        Dictionary<string, object?> MovedTo(Guid target) => new(ListingsScenario.ListingBody()) { ["organizationId"] = target };

        using var byPartner = await _scenario.PartnerOf(organization).PutAsJsonAsync($"/api/listings/{draft}", MovedTo(other));
        using var toNowhere = await _scenario.Coordinator.PutAsJsonAsync($"/api/listings/{draft}", MovedTo(Guid.NewGuid()));
        using var moved = await _scenario.Coordinator.PutAsJsonAsync($"/api/listings/{draft}", MovedTo(other));
        using var afterPublishing = await _scenario.Coordinator.PutAsJsonAsync($"/api/listings/{published}", MovedTo(other));

        await byPartner.ProblemAsync(HttpStatusCode.Forbidden, "not_own_organization");
        await toNowhere.ValidationAsync("organizationId");
        var movedDraft = await moved.ReadAsync(HttpStatusCode.OK);
        Assert.Equal(other, movedDraft.GetProperty("organizationId").GetGuid());
        Assert.Equal("Other Test Co", movedDraft.GetProperty("organizationName").GetString());
        await afterPublishing.ProblemAsync(HttpStatusCode.Conflict, "listing_terms_locked");
        Assert.Equal(organization, (await _scenario.GetListingAsync(published)).GetProperty("organizationId").GetGuid());
    }

    [Fact]
    public async Task TextHoldingANulCharacter_Is400NamingTheField_NeverA500()
    {
        var organization = await _scenario.CreateOrganizationAsync();

        using var listing = await _scenario.PartnerOf(organization).PostAsJsonAsync("/api/listings", ListingsScenario.ListingBody(skills: ["Excel", "survey\0design"]));
        using var course = await _scenario.Faculty().PostAsJsonAsync("/api/courses",
            new { code = "BUS 210", title = "Analytics", term = "Spring 2027", department = "Business", disciplines = new[] { "Business\0" }, skills = new[] { "Excel" } });
        using var byFaculty = await _scenario.Student.GetAsync("/api/courses?facultyId=f%00");
        using var byTerm = await _scenario.Student.GetAsync("/api/courses?term=Spring%002027");

        await listing.ValidationAsync("skills");
        await course.ValidationAsync("disciplines");
        await byFaculty.ValidationAsync("facultyId");
        await byTerm.ValidationAsync("term");
    }

    [Fact]
    public async Task Organizations_AreCreatedByCoordinatorsOnly_AndValidated()
    {
        using var byPartner = await _scenario.PartnerOf(Guid.NewGuid()).PostAsJsonAsync("/api/organizations", new { name = "Sneaky" });
        using var invalid = await _scenario.Coordinator.PostAsJsonAsync("/api/organizations", new { name = "", website = "ftp://x" });
        var id = await _scenario.CreateOrganizationAsync("Visible Org");
        using var read = await _scenario.Student.GetAsync($"/api/organizations/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, byPartner.StatusCode);
        await invalid.ValidationAsync("name", "website");
        Assert.Equal("Visible Org", (await read.ReadAsync(HttpStatusCode.OK)).GetProperty("name").GetString());
    }
}
