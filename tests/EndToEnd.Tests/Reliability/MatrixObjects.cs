using System.Net;
using System.Text.Json;

namespace MicroInternships.EndToEnd.Tests.Reliability;

/// <summary>
/// The objects the authorization matrix aims at, beyond the world's own: an application of the outsider's, a
/// partner's request to a course, a paid placement of the second student's and its payout, the first student's
/// registration, and a partner's one-on-one slot that student booked.
/// </summary>
public sealed record MatrixObjects(string ApplicationId, string CourseRequestId, string CompletedPlacementId, string PayoutId, string RegistrationId, string SlotId)
{
    public static async Task<MatrixObjects> CreateAsync(GatewayCalls calls, ReliabilityWorld world)
    {
        var partner = world.Partners[0].Client;
        var coordinator = world.Coordinators[0].Client;
        var application = await GatewayCalls.SendAsync(world.Outsider.Client, HttpMethod.Post, "/api/applications",
            new { listingId = world.OpenListingId, pitch = "Pick me." }, HttpStatusCode.Created);
        var courseRequest = await GatewayCalls.SendAsync(partner, HttpMethod.Post, $"/api/listings/{world.OpenListingId}/course-requests",
            new { courseId = world.Faculty[0].OwnedId, message = "Would your course adopt this?" }, HttpStatusCode.Created);

        var (paidStudent, completedPlacementId) = (world.Students[1].Client, world.Students[1].OwnedId!);
        await GatewayCalls.SendAsync(paidStudent, HttpMethod.Post, $"/api/placements/{completedPlacementId}/time-entries",
            new { date = ProgramDay.Today, hours = 4m, note = "Work" }, HttpStatusCode.Created);
        await GatewayCalls.SendAsync(paidStudent, HttpMethod.Post, $"/api/placements/{completedPlacementId}/submit", new { note = "Done" });
        await GatewayCalls.SendAsync(partner, HttpMethod.Post, $"/api/placements/{completedPlacementId}/approve", new { rating = 5, feedback = "Good" });
        var payout = await GatewayCalls.EventuallyAsync(async () =>
        {
            var payouts = await GatewayCalls.SendAsync(paidStudent, HttpMethod.Get, "/api/payouts");
            return payouts.GetProperty("items").EnumerateArray().Select(p => (JsonElement?)p).FirstOrDefault();
        });

        var registration = await GatewayCalls.SendAsync(world.Students[0].Client, HttpMethod.Post, $"/api/events/{world.EventId}/registrations",
            new { }, HttpStatusCode.Created);
        var @event = await GatewayCalls.SendAsync(coordinator, HttpMethod.Get, $"/api/events/{world.EventId}");
        var working = @event.GetProperty("startsAt").GetDateTimeOffset().AddHours(4);
        await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, $"/api/events/{world.EventId}/sessions",
            new { title = "Working session", kind = "working_session", startsAt = working, endsAt = working.AddHours(3), room = "B1" }, HttpStatusCode.Created);
        var slot = await GatewayCalls.SendAsync(partner, HttpMethod.Post, $"/api/events/{world.EventId}/slots",
            new { startsAt = working, endsAt = working.AddMinutes(30) }, HttpStatusCode.Created);

        await GatewayCalls.SendAsync(world.Students[0].Client, HttpMethod.Post, $"/api/events/{world.EventId}/slots/{Id(slot)}/book");
        return new(Id(application), Id(courseRequest), completedPlacementId, Id(payout), Id(registration), Id(slot));
    }

    /// <summary>After every refused call: each object as it was.</summary>
    public async Task AssertUnchangedAsync(ReliabilityWorld world)
    {
        var partner = world.Partners[0].Client;
        var coordinator = world.Coordinators[0].Client;
        Assert.Equal("draft", Status(await GatewayCalls.SendAsync(partner, HttpMethod.Get, $"/api/listings/{world.DraftListingId}")));
        Assert.Equal("open", Status(await GatewayCalls.SendAsync(partner, HttpMethod.Get, $"/api/listings/{world.OpenListingId}")));
        Assert.Equal("submitted", Status(await GatewayCalls.SendAsync(partner, HttpMethod.Get, $"/api/applications/{ApplicationId}")));
        var placement = await GatewayCalls.SendAsync(partner, HttpMethod.Get, $"/api/placements/{world.Students[0].OwnedId}");
        Assert.Equal("active", Status(placement));
        var entries = await GatewayCalls.SendAsync(world.Students[0].Client, HttpMethod.Get, $"/api/placements/{world.Students[0].OwnedId}/time-entries");
        Assert.Equal(0m, entries.GetProperty("totalHours").GetDecimal());
        var requests = await GatewayCalls.SendAsync(partner, HttpMethod.Get, "/api/course-requests");
        Assert.Equal("pending", Status(requests.GetProperty("items").EnumerateArray().Single(r => Id(r) == CourseRequestId)));
        var fund = await GatewayCalls.SendAsync(coordinator, HttpMethod.Get, $"/api/funds/{world.FundId}");
        Assert.Equal(1_000_000, fund.GetProperty("budgetCents").GetInt64());
        var registration = await GatewayCalls.SendAsync(world.Students[0].Client, HttpMethod.Get, $"/api/events/{world.EventId}/registrations/me");
        Assert.Equal("confirmed", Status(registration));
        Assert.Equal(JsonValueKind.Null, registration.GetProperty("checkedInAt").ValueKind);
        var slots = await GatewayCalls.SendAsync(partner, HttpMethod.Get, $"/api/events/{world.EventId}/slots");
        var slot = slots.GetProperty("items").EnumerateArray().Single(s => Id(s) == SlotId);
        Assert.Equal(world.Students[0].Subject, slot.GetProperty("bookedBy").GetString());
        var @event = await GatewayCalls.SendAsync(coordinator, HttpMethod.Get, $"/api/events/{world.EventId}");
        Assert.StartsWith("Reliability Institute", @event.GetProperty("title").GetString());
    }

    private static string Id(JsonElement element) => element.GetProperty("id").GetString()!;

    private static string? Status(JsonElement element) => element.GetProperty("status").GetString();
}
