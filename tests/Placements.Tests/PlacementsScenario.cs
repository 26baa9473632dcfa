using System.Net;
using System.Text.Json;
using MicroInternships.Contracts.Listings;
using MicroInternships.Placements.Credentials;
using MicroInternships.Placements.Data;
using MicroInternships.Placements.Domain;
using MicroInternships.Placements.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MicroInternships.Placements.Tests;

/// <summary>
/// One test's world: a fresh partner organization with its listings (made known to Placements the way Listings
/// does it, by events through the test RabbitMQ), fresh students, and shortcuts along the student's journey.
/// </summary>
public sealed class PlacementsScenario(PlacementsFactory factory)
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    public Guid OrganizationId { get; } = Guid.NewGuid();

    public HttpClient Coordinator => factory.CreateClientAs("c-1", "coordinator");

    public HttpClient Partner => factory.CreateClientAs($"p-{_suffix}", "partner", OrganizationId.ToString());

    public HttpClient OtherPartner => factory.CreateClientAs($"p-other-{_suffix}", "partner", Guid.NewGuid().ToString());

    public string StudentId(int n = 1) => $"s-{n}-{_suffix}";

    public HttpClient Student(int n = 1) => factory.CreateClientAs(StudentId(n), "student");

    public string FacultyId(int n = 1) => $"f-{n}-{_suffix}";

    public HttpClient Faculty(int n = 1) => factory.CreateClientAs(FacultyId(n), "faculty");

    public HttpClient Anonymous => factory.CreateClient();

    public static ListingSnapshot Listing(
        Guid organizationId, int openings = 1, long version = 1, string status = "open", DateTimeOffset? deadline = null, Guid? fundId = null, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), version, status, organizationId, "Acme Test Co", "Survey analysis", openings,
            deadline ?? DateTimeOffset.UtcNow.AddDays(14), 60_000, "USD", 30, fundId, []);

    /// <summary>Publishes an open listing of this scenario's organization and waits until Placements has it.</summary>
    public async Task<ListingSnapshot> OpenListingAsync(int openings = 1, Guid? fundId = null)
    {
        var listing = Listing(OrganizationId, openings, fundId: fundId);
        await PublishAsync(new ListingPublished(listing, DateTimeOffset.UtcNow));
        await WaitForListingVersionAsync(listing.ListingId, 1);
        return listing;
    }

    public async Task LinkCourseAsync(Guid courseId, Guid listingId, int faculty = 1)
    {
        await PublishAsync(new CourseListingLinked(courseId, listingId, FacultyId(faculty), "Dr. Test", "BUS-101", DateTimeOffset.UtcNow, Version: 2));
        await WaitUntilAsync($"SELECT count(*) FROM course_links WHERE course_id = '{courseId}' AND listing_id = '{listingId}' AND linked");
    }

    public Task PublishAsync<T>(T message, Guid? messageId = null) where T : class => factory.PublishAsync(message, messageId);

    /// <summary>Publishes and waits until the consumer's inbox holds the message: it was applied (or deliberately ignored) by then.</summary>
    public Task PublishAndWaitAsync<T>(T message) where T : class => factory.PublishAndWaitAsync(message, TimeSpan.FromSeconds(15));

    public Task WaitForListingVersionAsync(Guid listingId, long version) =>
        WaitUntilAsync($"SELECT count(*) FROM listings WHERE id = '{listingId}' AND version >= {version}");

    /// <summary>Waits until <paramref name="countSql"/> counts at least one row.</summary>
    public async Task WaitUntilAsync(string countSql)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await factory.Database.ScalarAsync<long>(countSql) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Never true: {countSql}");
            await Task.Delay(50);
        }
    }

    public async Task<JsonElement> ApplyAsync(Guid listingId, int student = 1, Guid? courseId = null)
    {
        using var response = await Student(student).PostJsonAsync("/api/applications", new { listingId, pitch = "I have done this before.", courseId });
        return await response.ReadAsync(HttpStatusCode.Created);
    }

    public async Task<Guid> OfferedApplicationAsync(Guid listingId, int student = 1, Guid? courseId = null)
    {
        var application = (await ApplyAsync(listingId, student, courseId)).GetProperty("id").GetGuid();
        using var response = await Partner.PostJsonAsync($"/api/applications/{application}/offer");
        await response.ReadAsync(HttpStatusCode.OK);
        return application;
    }

    /// <summary>An active placement on a fresh listing (or <paramref name="listingId"/>) for <paramref name="student"/>.</summary>
    public async Task<JsonElement> ActivePlacementAsync(int student = 1, Guid? listingId = null, Guid? courseId = null)
    {
        var listing = listingId ?? (await OpenListingAsync(openings: 5)).ListingId;
        var application = await OfferedApplicationAsync(listing, student, courseId);
        using var response = await Student(student).PostJsonAsync($"/api/applications/{application}/accept");
        return await response.ReadAsync(HttpStatusCode.Created);
    }

    public async Task LogHoursAsync(Guid placementId, decimal hours, int student = 1)
    {
        using var response = await Student(student).PostJsonAsync($"/api/placements/{placementId}/time-entries",
            new { date = ProgramDay.Today, hours, note = "Worked" });
        await response.ReadAsync(HttpStatusCode.Created);
    }

    public async Task<JsonElement> SubmittedPlacementAsync(int student = 1, decimal hours = 10)
    {
        var id = (await ActivePlacementAsync(student)).GetProperty("id").GetGuid();
        await LogHoursAsync(id, hours, student);
        using var response = await Student(student).PostJsonAsync($"/api/placements/{id}/submit", new { note = "Done", deliverableUrl = "https://example.com/report" });
        return await response.ReadAsync(HttpStatusCode.OK);
    }

    public async Task<Guid> CompletedPlacementAsync(int student = 1)
    {
        var id = (await SubmittedPlacementAsync(student)).GetProperty("id").GetGuid();
        using var response = await Partner.PostJsonAsync($"/api/placements/{id}/approve", new { rating = 5, feedback = "Excellent work" });
        await response.ReadAsync(HttpStatusCode.OK);
        return id;
    }

    public async Task<JsonElement> GetPlacementAsync(Guid id)
    {
        using var response = await Coordinator.GetAsync($"/api/placements/{id}");
        return await response.ReadAsync(HttpStatusCode.OK);
    }

    /// <summary>The integration events of <typeparamref name="TEvent"/> written to the outbox about one placement.</summary>
    public Task<long> OutboxCountAsync<TEvent>(Guid placementId) => factory.Database.ScalarAsync<long>(
        $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '{typeof(TEvent).FullName},%' AND payload->'placement'->>'placementId' = '{placementId}'");

    /// <summary>Runs the time rules once, against the real database, as of <paramref name="now"/>.</summary>
    public async Task<SweepResult> SweepAtAsync(DateTimeOffset now)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PlacementsDbContext>();
        var rules = services.GetRequiredService<IOptions<PlacementRules>>();
        var sweeper = new TimeRulesSweeper(
            db,
            new PlacementOutcomes(db, new Capacity(db, rules), services.GetRequiredService<CredentialIssuance>(), rules),
            new FakeTimeProvider(now),
            rules,
            services.GetRequiredService<IOptions<ClockOptions>>());
        return await sweeper.SweepAsync(CancellationToken.None);
    }

    public Task<T?> ScalarAsync<T>(string sql) => factory.Database.ScalarAsync<T>(sql);
}
