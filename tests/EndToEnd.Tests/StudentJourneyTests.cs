using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MicroInternships.EndToEnd.Tests;

/// <summary>
/// A student's whole journey through the gateway, across services: Listings publishes the listing, Placements
/// learns of it from the event, the accepted offer reaches Listings back as a taken opening, and the completed
/// work is paid through the payment-partner simulator exactly once and yields a record anyone can verify.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class StudentJourneyTests(SystemFixture system)
{
    private readonly GatewayCalls _calls = new(system);

    [Fact]
    public async Task FromPublishedListing_ToPaidWork_AndAVerifiedCompletionRecord()
    {
        var coordinator = await _calls.ClientAsync(new { sub = "c-e2e", role = "coordinator", name = "Casey" });
        var organization = await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/organizations", new { name = "Journey Test Co", website = "https://journey.example" }, HttpStatusCode.Created);
        var organizationId = organization.GetProperty("id").GetString();
        var partner = await _calls.ClientAsync(new { sub = "p-e2e", role = "partner", name = "Pat", org = organizationId });
        var student = await _calls.ClientAsync(new { sub = "s-journey", role = "student", name = "Jordan Lee" });

        var listingId = await GatewayCalls.PublishedListingAsync(partner, "Customer interview synthesis", "qualitative research");
        var placementId = await GatewayCalls.AcceptedPlacementAsync(partner, student, listingId, "I ran interviews for my capstone.");

        var filled = await GatewayCalls.EventuallyAsync(async () =>
        {
            var current = await GatewayCalls.SendAsync(student, HttpMethod.Get, $"/api/listings/{listingId}");
            return current.GetProperty("status").GetString() == "filled" ? current : (JsonElement?)null;
        });
        Assert.Equal(1, filled.GetProperty("filledCount").GetInt32());

        await GatewayCalls.SendAsync(student, HttpMethod.Post, $"/api/placements/{placementId}/time-entries",
            new { date = ProgramDay.Today, hours = 6.5m, note = "Coding transcripts" }, HttpStatusCode.Created);
        await GatewayCalls.SendAsync(student, HttpMethod.Post, $"/api/placements/{placementId}/submit", new { note = "Findings attached", deliverableUrl = "https://journey.example/findings" });
        using (var duplicate = await system.PaymentPartner.PutAsJsonAsync("/admin/behaviour", new { duplicateDeliveries = true }))
        {
            duplicate.EnsureSuccessStatusCode();
        }

        await GatewayCalls.SendAsync(student, HttpMethod.Post, $"/api/placements/{placementId}/approve", new { rating = 5, feedback = "Self-approved" },
            HttpStatusCode.Forbidden);
        var completed = await GatewayCalls.SendAsync(partner, HttpMethod.Post, $"/api/placements/{placementId}/approve", new { rating = 5, feedback = "Sharp synthesis" });
        Assert.Equal("completed", completed.GetProperty("status").GetString());

        // Payments pays through the simulator, which delivers each webhook twice; Placements hears of it once.
        var paid = await GatewayCalls.EventuallyAsync(async () =>
        {
            var current = await GatewayCalls.SendAsync(student, HttpMethod.Get, $"/api/placements/{placementId}");
            return current.GetProperty("paymentStatus").GetString() == "paid" ? current : (JsonElement?)null;
        });
        Assert.NotEqual(JsonValueKind.Null, paid.GetProperty("paidAt").ValueKind);
        var payouts = await GatewayCalls.SendAsync(student, HttpMethod.Get, "/api/payouts");
        var payout = Assert.Single(payouts.GetProperty("items").EnumerateArray());
        Assert.Equal("paid", payout.GetProperty("status").GetString());
        var anotherStudent = await _calls.ClientAsync(new { sub = "s-journey-other", role = "student", name = "Other" });
        await GatewayCalls.SendAsync(anotherStudent, HttpMethod.Get, $"/api/payouts/{payout.GetProperty("id").GetString()}", expected: HttpStatusCode.NotFound);
        var atPartner = await system.PaymentPartner.GetFromJsonAsync<JsonElement>("/admin/payouts");
        Assert.Single(atPartner.EnumerateArray(), p => p.GetProperty("reference").GetString() == payout.GetProperty("id").GetString());
        await GatewayCalls.EventuallyAsync(async () =>
        {
            var deliveries = await system.PaymentPartner.GetFromJsonAsync<JsonElement>("/admin/deliveries");
            var answered = deliveries.EnumerateArray().Count(d => d.GetProperty("reference").GetString() == payout.GetProperty("id").GetString()
                && d.GetProperty("statusCode").ValueKind == JsonValueKind.Number && d.GetProperty("statusCode").GetInt32() == 200);
            return answered == 2 ? deliveries : (JsonElement?)null;
        });

        var record = await GatewayCalls.SendAsync(student, HttpMethod.Get, $"/api/placements/{placementId}/record");
        using var verify = await system.Gateway.GetAsync($"/api/verify/{record.GetProperty("verificationCode").GetString()}");
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        var verified = await verify.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Jordan Lee", verified.GetProperty("studentName").GetString());
        Assert.Equal("Journey Test Co", verified.GetProperty("organizationName").GetString());
        Assert.Equal("Customer interview synthesis", verified.GetProperty("listingTitle").GetString());
        Assert.Equal(6.5m, verified.GetProperty("hours").GetDecimal());
        Assert.True(verified.GetProperty("paid").GetBoolean());
    }
}
