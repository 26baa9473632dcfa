using System.Net;
using System.Text.Json;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>A caller with a token, and the object it owns (a course, a placement), if any.</summary>
public sealed record Caller(string Subject, string Role, HttpClient Client, string? OwnedId = null);

/// <summary>
/// Two organizations' worth of people and objects, made through the gateway: several callers per role (each
/// caller has its own rate limit, so long runs spread over them), each student with a placement of their own,
/// each faculty member with a course, an open event, a fund. The reliability tests aim their requests at these.
/// </summary>
public sealed class ReliabilityWorld
{
    private ReliabilityWorld(string suffix) => Suffix = suffix;

    public string Suffix { get; }

    public string OrganizationId { get; private set; } = "";

    public string OtherOrganizationId { get; private set; } = "";

    public IReadOnlyList<Caller> Coordinators { get; private set; } = [];

    /// <summary>Partners of <see cref="OrganizationId"/>.</summary>
    public IReadOnlyList<Caller> Partners { get; private set; } = [];

    /// <summary>A partner of <see cref="OtherOrganizationId"/>, which owns nothing here.</summary>
    public Caller OtherPartner { get; private set; } = null!;

    /// <summary>Faculty, each owning a course.</summary>
    public IReadOnlyList<Caller> Faculty { get; private set; } = [];

    /// <summary>Students, each in an active placement on <see cref="OpenListingId"/>.</summary>
    public IReadOnlyList<Caller> Students { get; private set; } = [];

    /// <summary>A student with no placement, application or registration.</summary>
    public Caller Outsider { get; private set; } = null!;

    public string DraftListingId { get; private set; } = "";

    public string OpenListingId { get; private set; } = "";

    public string EventId { get; private set; } = "";

    public string FundId { get; private set; } = "";

    public static async Task<ReliabilityWorld> CreateAsync(GatewayCalls calls, int callersPerRole)
    {
        var world = new ReliabilityWorld(Guid.NewGuid().ToString("N")[..6]);
        await world.PopulateAsync(calls, callersPerRole);
        return world;
    }

    private async Task PopulateAsync(GatewayCalls calls, int callersPerRole)
    {
        async Task<Caller> Person(string role, string subject, string? organization = null, string? ownedId = null) =>
            new(subject, role, await calls.ClientAsync(new { sub = subject, role, name = $"{role} {subject}", org = organization }), ownedId);
        async Task<IReadOnlyList<Caller>> People(string role, Func<int, Task<Caller>> person) =>
            await Task.WhenAll(Enumerable.Range(1, callersPerRole).Select(person));

        Coordinators = await People("coordinator", i => Person("coordinator", $"c-{Suffix}-{i}"));
        var coordinator = Coordinators[0].Client;
        OrganizationId = await IdOfAsync(coordinator, "/api/organizations", new { name = $"Reliability Co {Suffix}", website = "https://reliability.example" });
        OtherOrganizationId = await IdOfAsync(coordinator, "/api/organizations", new { name = $"Other Co {Suffix}" });
        Partners = await People("partner", i => Person("partner", $"p-{Suffix}-{i}", OrganizationId));
        OtherPartner = await Person("partner", $"p-other-{Suffix}", OtherOrganizationId);
        Outsider = await Person("student", $"s-outsider-{Suffix}");

        Faculty = await People("faculty", async i =>
        {
            var faculty = await Person("faculty", $"f-{Suffix}-{i}");
            var courseId = await IdOfAsync(faculty.Client, "/api/courses", new
            {
                code = $"REL-{Suffix}-{i}", title = "Reliable Systems", term = "Winter 2027", department = "Computer Science",
                disciplines = new[] { "Computer Science" }, skills = new[] { "testing" }, enrollment = 40,
            });
            return faculty with { OwnedId = courseId };
        });

        var partner = Partners[0].Client;
        DraftListingId = await IdOfAsync(partner, "/api/listings", Listing($"Draft {Suffix}", openings: 1));
        OpenListingId = await IdOfAsync(partner, "/api/listings", Listing($"Open {Suffix}", openings: callersPerRole + 2));
        await GatewayCalls.SendAsync(partner, HttpMethod.Post, $"/api/listings/{OpenListingId}/publish");
        var students = new List<Caller>();
        for (var i = 1; i <= callersPerRole; i++)
        {
            var student = await Person("student", $"s-{Suffix}-{i}");
            var placementId = await GatewayCalls.AcceptedPlacementAsync(partner, student.Client, OpenListingId, "I test things for a living.");
            students.Add(student with { OwnedId = placementId });
        }

        Students = students;
        var now = DateTimeOffset.UtcNow;
        EventId = await IdOfAsync(coordinator, "/api/events", new
        {
            title = $"Reliability Institute {Suffix}", venue = "Hall A", timeZone = "America/Los_Angeles",
            startsAt = now.AddDays(40), endsAt = now.AddDays(41), capacity = 500,
            registrationOpensAt = now.AddMinutes(-1), earlyBirdDeadline = now.AddDays(5), registrationClosesAt = now.AddDays(30),
            fees = new[]
            {
                new { audience = "faculty", earlyBirdCents = 7_500, regularCents = 9_500 },
                new { audience = "student", earlyBirdCents = 0, regularCents = 0 },
            },
        });
        FundId = await IdOfAsync(coordinator, "/api/funds", new { name = $"Reliability fund {Suffix}", budgetCents = 1_000_000, currency = "USD" });
    }

    public static object Listing(string title, int openings) => GatewayCalls.ListingBody(title, openings: openings);

    private static async Task<string> IdOfAsync(HttpClient client, string path, object body) =>
        (await GatewayCalls.SendAsync(client, HttpMethod.Post, path, body, HttpStatusCode.Created)).GetProperty("id").GetString()!;
}
