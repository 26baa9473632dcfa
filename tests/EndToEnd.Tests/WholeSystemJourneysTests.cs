using System.Net;
using System.Text.Json;

namespace MicroInternships.EndToEnd.Tests;

/// <summary>The program's other journeys, through the gateway only: partners meeting faculty, the Winter Institute, and what each role must be refused.</summary>
[Collection(SystemCollection.Name)]
public sealed class WholeSystemJourneysTests(SystemFixture system)
{
    private readonly GatewayCalls _calls = new(system);

    [Fact]
    public async Task FacultyAdoptsAPartnersListing_AndEachSideFindsTheOtherInMatches()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var coordinator = await _calls.ClientAsync(new { sub = "c-e2e", role = "coordinator", name = "Casey" });
        var organization = await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/organizations",
            new { name = $"Matching Test Co {suffix}", website = "https://matching.example" }, HttpStatusCode.Created);
        var partner = await _calls.ClientAsync(new { sub = $"p-{suffix}", role = "partner", name = "Pat", org = organization.GetProperty("id").GetString() });
        var faculty = await _calls.ClientAsync(new { sub = $"f-{suffix}", role = "faculty", name = "Dr. Flores" });

        var course = await GatewayCalls.SendAsync(faculty, HttpMethod.Post, "/api/courses", new
        {
            code = $"GEO-{suffix}", title = "Spatial Data for Cities", term = "Winter 2027", department = "Geography",
            disciplines = new[] { "Urban Planning" }, skills = new[] { "GIS mapping", "data cleaning" }, enrollment = 30,
        }, HttpStatusCode.Created);
        var listing = await GatewayCalls.SendAsync(partner, HttpMethod.Post, "/api/listings", new
        {
            title = $"Bike-lane usage map {suffix}", summary = "Map where people ride.", description = "Clean counter data and map it.",
            skills = new[] { "GIS mapping" }, discipline = "Urban Planning", estimatedHours = 25,
            compensation = new { amountCents = 50_000, currency = "USD" }, openings = 1,
            applicationDeadline = DateTimeOffset.UtcNow.AddDays(10), workMode = "remote",
        }, HttpStatusCode.Created);
        var courseId = course.GetProperty("id").GetString();
        var listingId = listing.GetProperty("id").GetString();
        await GatewayCalls.SendAsync(partner, HttpMethod.Post, $"/api/listings/{listingId}/publish");

        var forCourse = await GatewayCalls.SendAsync(faculty, HttpMethod.Get, $"/api/courses/{courseId}/matches");
        Assert.Contains(forCourse.GetProperty("items").EnumerateArray(), m => m.GetProperty("listing").GetProperty("id").GetString() == listingId);
        var forListing = await GatewayCalls.SendAsync(partner, HttpMethod.Get, $"/api/listings/{listingId}/course-matches");
        Assert.Contains(forListing.GetProperty("items").EnumerateArray(), m => m.GetProperty("course").GetProperty("id").GetString() == courseId);

        await GatewayCalls.SendAsync(faculty, HttpMethod.Put, $"/api/courses/{courseId}/listings/{listingId}", expected: HttpStatusCode.NoContent);
        var linked = await GatewayCalls.SendAsync(faculty, HttpMethod.Get, $"/api/courses/{courseId}/matches");
        Assert.True(linked.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("listing").GetProperty("id").GetString() == listingId)
            .GetProperty("linked").GetBoolean());

        // Placements hears of the link, so a student of the course can apply through it.
        var student = await _calls.ClientAsync(new { sub = $"s-{suffix}", role = "student", name = "Sam" });
        await GatewayCalls.EventuallyAsync(async () =>
        {
            using var response = await student.PostAsync("/api/applications",
                System.Net.Http.Json.JsonContent.Create(new { listingId, pitch = "From Dr. Flores's course.", courseId }));
            return response.StatusCode == HttpStatusCode.Created ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : null;
        });
    }

    [Fact]
    public async Task TheWinterInstitute_TiersByTheEarlyBirdInstant_AndTheWaitlistMovesUp()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var coordinator = await _calls.ClientAsync(new { sub = "c-e2e", role = "coordinator", name = "Casey" });
        var now = DateTimeOffset.UtcNow;
        // Long enough for the event, a token and a registration on a busy machine.
        var earlyBird = now.AddSeconds(15);
        var created = await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/events", new
        {
            title = $"Institute journey {suffix}", venue = "College of Business Administration", timeZone = "America/Los_Angeles",
            startsAt = now.AddDays(40), endsAt = now.AddDays(41), capacity = 2,
            registrationOpensAt = now.AddMinutes(-1), earlyBirdDeadline = earlyBird, registrationClosesAt = now.AddDays(30),
            fees = new[] { new { audience = "faculty", earlyBirdCents = 7_500, regularCents = 9_500 } },
        }, HttpStatusCode.Created);
        var eventId = created.GetProperty("id").GetString();
        var register = async (string name) => await GatewayCalls.SendAsync(
            await _calls.ClientAsync(new { sub = $"f-{name}-{suffix}", role = "faculty", name }), HttpMethod.Post, $"/api/events/{eventId}/registrations", new { },
            HttpStatusCode.Created);

        var early = await register("early");
        var registeredAt = early.GetProperty("createdAt").GetDateTimeOffset();
        Assert.True(registeredAt <= earlyBird, $"The first registration came at {registeredAt:O}, after the early-bird deadline {earlyBird:O}");
        Assert.Equal("early_bird", early.GetProperty("tier").GetString());
        var untilRegular = earlyBird - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(500);
        await Task.Delay(untilRegular > TimeSpan.Zero ? untilRegular : TimeSpan.Zero);
        var late = await register("late");
        Assert.Equal("regular", late.GetProperty("tier").GetString());
        Assert.Equal(9_500, late.GetProperty("feeCents").GetInt64());
        var waiting = await register("waiting");
        Assert.Equal("waitlisted", waiting.GetProperty("status").GetString());
        Assert.Equal(1, waiting.GetProperty("waitlistPosition").GetInt32());

        await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, $"/api/events/{eventId}/registrations/{early.GetProperty("id").GetString()}/cancel");
        var registrations = await GatewayCalls.SendAsync(coordinator, HttpMethod.Get, $"/api/events/{eventId}/registrations?status=confirmed");
        Assert.Contains(registrations.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetString() == waiting.GetProperty("id").GetString());
    }

    [Fact]
    public async Task EachRole_IsRefusedWhatItMustNotDo()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var coordinator = await _calls.ClientAsync(new { sub = "c-e2e", role = "coordinator", name = "Casey" });
        var organization = await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/organizations", new { name = $"Refusals Co {suffix}" }, HttpStatusCode.Created);
        var otherOrganization = await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/organizations", new { name = $"Others Co {suffix}" }, HttpStatusCode.Created);
        var partner = await _calls.ClientAsync(new { sub = $"p-{suffix}", role = "partner", name = "Pat", org = organization.GetProperty("id").GetString() });
        var otherPartner = await _calls.ClientAsync(new { sub = $"p-other-{suffix}", role = "partner", name = "Olga", org = otherOrganization.GetProperty("id").GetString() });
        var student = await _calls.ClientAsync(new { sub = $"s-{suffix}", role = "student", name = "Sam" });

        var draft = await GatewayCalls.SendAsync(partner, HttpMethod.Post, "/api/listings", new
        {
            title = $"Draft nobody else sees {suffix}", summary = "Private.", description = "Not yet published.",
            skills = new[] { "Excel" }, discipline = "Finance", estimatedHours = 20,
            compensation = new { amountCents = 40_000, currency = "USD" }, openings = 1,
            applicationDeadline = DateTimeOffset.UtcNow.AddDays(10), workMode = "remote",
        }, HttpStatusCode.Created);
        await GatewayCalls.SendAsync(otherPartner, HttpMethod.Get, $"/api/listings/{draft.GetProperty("id").GetString()}", expected: HttpStatusCode.NotFound);
        await GatewayCalls.SendAsync(student, HttpMethod.Post, "/api/listings", new { title = "x" }, HttpStatusCode.Forbidden);
        await GatewayCalls.SendAsync(student, HttpMethod.Get, "/api/funds", expected: HttpStatusCode.Forbidden);
        await GatewayCalls.SendAsync(student, HttpMethod.Get, $"/api/payouts/{Guid.NewGuid()}", expected: HttpStatusCode.NotFound);
        await GatewayCalls.SendAsync(student, HttpMethod.Post, $"/api/placements/{Guid.NewGuid()}/approve", new { rating = 5, feedback = "Self-approved" },
            HttpStatusCode.NotFound);
        await GatewayCalls.SendAsync(student, HttpMethod.Post, "/api/events", new { title = "Student-run" }, HttpStatusCode.Forbidden);
    }
}
