using System.Text.Json.Nodes;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>Every route that reads a body or a query string, each aimed by a caller allowed to use it.</summary>
public static class FuzzTargets
{
    private static readonly string[] _pageParameters = ["limit", "cursor"];

    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("create organization", HttpMethod.Post, w => w.Coordinators, (_, _) => "/api/organizations",
            (_, _) => new JsonObject { ["name"] = "Fuzz Co", ["website"] = "https://fuzz.example", ["description"] = "Made by the fuzzer." }),
        new("list organizations", HttpMethod.Get, w => w.Partners, (_, _) => "/api/organizations", QueryParameters: _pageParameters),
        new("create listing", HttpMethod.Post, w => w.Partners, (_, _) => "/api/listings", (_, _) => Listing()),
        new("update listing", HttpMethod.Put, w => w.Partners, (w, _) => $"/api/listings/{w.DraftListingId}", (_, _) => Listing()),
        new("search listings", HttpMethod.Get, w => w.Students, (_, _) => "/api/listings",
            QueryParameters: ["q", "skills", "discipline", "minHours", "maxHours", "workMode", "organizationId", "status", "limit", "cursor"]),
        new("course matches", HttpMethod.Get, w => w.Partners, (w, _) => $"/api/listings/{w.OpenListingId}/course-matches", QueryParameters: ["limit"]),
        new("request adoption", HttpMethod.Post, w => w.Partners, (w, _) => $"/api/listings/{w.OpenListingId}/course-requests",
            (w, _) => new JsonObject { ["courseId"] = w.Faculty[0].OwnedId, ["message"] = "Would your course take this on?" }),
        new("list course requests", HttpMethod.Get, w => w.Faculty, (_, _) => "/api/course-requests", QueryParameters: ["status", "limit", "cursor"]),
        new("create course", HttpMethod.Post, w => w.Faculty, (_, _) => "/api/courses", (_, _) => new JsonObject
        {
            ["code"] = "FUZ-101", ["title"] = "Fuzzing", ["term"] = "Winter 2027", ["department"] = "Computer Science",
            ["disciplines"] = new JsonArray("Computer Science"), ["skills"] = new JsonArray("testing"), ["enrollment"] = 25,
        }),
        new("list courses", HttpMethod.Get, w => w.Faculty, (_, _) => "/api/courses", QueryParameters: ["facultyId", "term", "limit", "cursor"]),
        new("listings for a course", HttpMethod.Get, w => w.Faculty, (_, f) => $"/api/courses/{f.OwnedId}/matches", QueryParameters: ["limit"]),
        new("apply", HttpMethod.Post, w => w.Students, (_, _) => "/api/applications",
            (w, _) => new JsonObject { ["listingId"] = w.OpenListingId, ["pitch"] = "I would like to help.", ["courseId"] = null }),
        new("list applications", HttpMethod.Get, w => w.Partners, (_, _) => "/api/applications", QueryParameters: ["listingId", "status", "limit", "cursor"]),
        new("list placements", HttpMethod.Get, w => w.Students, (_, _) => "/api/placements", QueryParameters: ["status", "settlement", "limit", "cursor"]),
        new("log time", HttpMethod.Post, w => w.Students, (_, s) => $"/api/placements/{s.OwnedId}/time-entries", (_, _) => new JsonObject
        {
            ["date"] = ProgramDay.Today.ToString("yyyy-MM-dd"), ["hours"] = 0.25m, ["note"] = "A quarter hour of fuzzing",
        }),
        new("reflect", HttpMethod.Post, w => w.Students, (_, s) => $"/api/placements/{s.OwnedId}/reflections",
            (_, _) => new JsonObject { ["text"] = "What I learned about malformed input." }),
        new("give student feedback", HttpMethod.Post, w => w.Students, (_, s) => $"/api/placements/{s.OwnedId}/student-feedback",
            (_, _) => new JsonObject { ["rating"] = 4, ["comment"] = "Good mentor." }),
        new("request revision", HttpMethod.Post, w => w.Partners, (w, p) => $"/api/placements/{w.Students[0].OwnedId}/request-revision",
            (_, _) => new JsonObject { ["note"] = "More detail, please." }),
        new("settle", HttpMethod.Post, w => w.Coordinators, (w, _) => $"/api/placements/{w.Students[0].OwnedId}/settlement",
            (_, _) => new JsonObject { ["payableCents"] = 1_000, ["reason"] = "Fuzzing" }),
        new("dispute", HttpMethod.Post, w => w.Students, (_, s) => $"/api/placements/{s.OwnedId}/settlement/dispute",
            (_, _) => new JsonObject { ["reason"] = "Fuzzing" }),
        new("list payouts", HttpMethod.Get, w => w.Coordinators, (_, _) => "/api/payouts", QueryParameters: ["status", "organizationId", "limit", "cursor"]),
        new("fund payout", HttpMethod.Post, w => w.Coordinators, (_, _) => $"/api/payouts/{Guid.NewGuid()}/fund",
            (w, _) => new JsonObject { ["fundId"] = w.FundId }),
        new("create fund", HttpMethod.Post, w => w.Coordinators, (_, _) => "/api/funds",
            (_, _) => new JsonObject { ["name"] = "Fuzz fund", ["budgetCents"] = 100_000, ["currency"] = "USD" }),
        new("adjust fund", HttpMethod.Post, w => w.Coordinators, (w, _) => $"/api/funds/{w.FundId}/adjustments",
            (_, _) => new JsonObject { ["amountCents"] = 1, ["reason"] = "Fuzzing" }),
        new("list notifications", HttpMethod.Get, w => w.Students, (_, _) => "/api/notifications", QueryParameters: ["unread", "limit", "cursor"]),
        new("change notification preferences", HttpMethod.Put, w => w.Partners, (_, _) => "/api/notification-preferences", (_, _) => new JsonObject
        {
            ["categories"] = new JsonArray(new JsonObject { ["category"] = "application_received", ["email"] = true, ["delivery"] = "immediate" }),
        }),
        new("unsubscribe", HttpMethod.Post, w => w.Students, (_, _) => "/api/unsubscribe", QueryParameters: ["token"]),
        new("create event", HttpMethod.Post, w => w.Coordinators, (_, _) => "/api/events", (_, _) => Event()),
        new("update event", HttpMethod.Put, w => w.Coordinators, (w, _) => $"/api/events/{w.EventId}", (_, _) => Event()),
        new("add session", HttpMethod.Post, w => w.Coordinators, (w, _) => $"/api/events/{w.EventId}/sessions", (_, _) => new JsonObject
        {
            ["title"] = "Fuzzing session", ["kind"] = "working_session", ["room"] = "B2",
            ["startsAt"] = DateTimeOffset.UtcNow.AddDays(40).AddHours(1), ["endsAt"] = DateTimeOffset.UtcNow.AddDays(40).AddHours(2),
        }),
        new("register", HttpMethod.Post, w => w.Faculty, (w, _) => $"/api/events/{w.EventId}/registrations",
            (_, _) => new JsonObject { ["audience"] = "faculty" }, OptionalBody: true),
        new("list registrations", HttpMethod.Get, w => w.Coordinators, (w, _) => $"/api/events/{w.EventId}/registrations", QueryParameters: ["status", "limit", "cursor"]),
        new("offer a slot", HttpMethod.Post, w => w.Partners, (w, _) => $"/api/events/{w.EventId}/slots", (_, _) => new JsonObject
        {
            ["startsAt"] = DateTimeOffset.UtcNow.AddDays(40).AddHours(3), ["endsAt"] = DateTimeOffset.UtcNow.AddDays(40).AddHours(3.5),
        }),
        new("list slots", HttpMethod.Get, w => w.Students, (w, _) => $"/api/events/{w.EventId}/slots", QueryParameters: ["available", "limit", "cursor"]),
        new("program insights", HttpMethod.Get, w => w.Coordinators, (_, _) => "/api/insights/summary",
            QueryParameters: ["term", "from", "to", "department", "discipline", "organizationId", "courseId", "fundId"]),
        new("insights series", HttpMethod.Get, w => w.Partners, (_, _) => "/api/insights/series",
            QueryParameters: ["measure", "interval", "term", "from", "to", "department", "discipline", "courseId", "fundId"]),
        new("development token", HttpMethod.Post, w => w.Coordinators, (_, _) => "/dev/token",
            (_, _) => new JsonObject { ["sub"] = "s-fuzz", ["role"] = "student", ["name"] = "Fuzz", ["email"] = "fuzz@example.edu", ["org"] = null }),
    ];

    private static JsonObject Listing() => new()
    {
        ["title"] = "Fuzzed listing", ["summary"] = "A listing to break.", ["description"] = "Every field gets something wrong.",
        ["skills"] = new JsonArray("testing"), ["discipline"] = "Computer Science", ["estimatedHours"] = 20,
        ["compensation"] = new JsonObject { ["amountCents"] = 40_000, ["currency"] = "USD" }, ["openings"] = 1,
        ["applicationDeadline"] = DateTimeOffset.UtcNow.AddDays(10), ["workMode"] = "remote", ["location"] = null,
    };

    private static JsonObject Event()
    {
        var now = DateTimeOffset.UtcNow;
        return new JsonObject
        {
            ["title"] = "Fuzzed Institute", ["venue"] = "Hall F", ["timeZone"] = "America/Los_Angeles",
            ["startsAt"] = now.AddDays(40), ["endsAt"] = now.AddDays(41), ["capacity"] = 100,
            ["registrationOpensAt"] = now.AddDays(-1), ["earlyBirdDeadline"] = now.AddDays(5), ["registrationClosesAt"] = now.AddDays(30),
            ["fees"] = new JsonArray(new JsonObject { ["audience"] = "faculty", ["earlyBirdCents"] = 7_500, ["regularCents"] = 9_500 }),
        };
    }
}
