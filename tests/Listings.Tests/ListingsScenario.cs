using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MicroInternships.Contracts.Listings;

namespace MicroInternships.Listings.Tests;

/// <summary>Callers and data for one test: a fresh organization, its partner, a coordinator, and listing bodies.</summary>
public sealed class ListingsScenario(ListingsFactory factory)
{
    public HttpClient Coordinator { get; } = factory.CreateClientAs("c-1", "coordinator");

    public HttpClient Student { get; } = factory.CreateClientAs("s-1", "student");

    public HttpClient Faculty(string id = "f-1") => factory.CreateClientAs(id, "faculty");

    public HttpClient PartnerOf(Guid organizationId, string id = "p-1") => factory.CreateClientAs(id, "partner", organizationId.ToString());

    public async Task<Guid> CreateOrganizationAsync(string name = "Acme Test Co")
    {
        using var response = await Coordinator.PostAsJsonAsync("/api/organizations", new { name, website = "https://example.com" });
        return (await response.ReadAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>A valid listing body; tests change or remove fields to break one rule at a time.</summary>
    public static Dictionary<string, object?> ListingBody(
        string title = "Survey analysis for a clinic",
        string[]? skills = null,
        string discipline = "Health Administration",
        int hours = 30,
        long amountCents = 60_000,
        int openings = 1,
        DateTimeOffset? deadline = null,
        string workMode = "remote",
        string description = "Analyse patient survey results and present recommendations.") => new()
    {
        ["title"] = title,
        ["summary"] = "A short, paid project.",
        ["description"] = description,
        ["skills"] = skills ?? ["Excel", "survey design"],
        ["discipline"] = discipline,
        ["estimatedHours"] = hours,
        ["compensation"] = new { amountCents, currency = "USD" },
        ["openings"] = openings,
        ["applicationDeadline"] = deadline ?? DateTimeOffset.UtcNow.AddDays(14),
        ["workMode"] = workMode,
        ["location"] = null,
    };

    public async Task<JsonElement> CreateListingAsync(Guid organizationId, Dictionary<string, object?>? body = null)
    {
        using var response = await PartnerOf(organizationId).PostAsJsonAsync("/api/listings", body ?? ListingBody());
        return await response.ReadAsync(HttpStatusCode.Created);
    }

    public async Task<Guid> CreateOpenListingAsync(Guid organizationId, Dictionary<string, object?>? body = null)
    {
        var id = (await CreateListingAsync(organizationId, body)).GetProperty("id").GetGuid();
        using var response = await PartnerOf(organizationId).PostAsync($"/api/listings/{id}/publish", null);
        await response.ReadAsync(HttpStatusCode.OK);
        return id;
    }

    public async Task<JsonElement> GetListingAsync(Guid id)
    {
        using var response = await Coordinator.GetAsync($"/api/listings/{id}");
        return await response.ReadAsync(HttpStatusCode.OK);
    }

    /// <summary>The integration events of <typeparamref name="TEvent"/> written to the outbox about one listing.</summary>
    public Task<long> OutboxCountAsync<TEvent>(Guid listingId) => factory.Database.ScalarAsync<long>(
        $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '{typeof(TEvent).FullName},%' " +
        $"AND (payload->'listing'->>'listingId' = '{listingId}' OR payload->>'listingId' = '{listingId}')");

    public Task<string?> LastClosedReasonAsync(Guid listingId) => factory.Database.ScalarAsync<string>(
        $"SELECT payload->>'reason' FROM outbox_messages WHERE message_type LIKE '{typeof(ListingClosed).FullName},%' " +
        $"AND payload->'listing'->>'listingId' = '{listingId}' ORDER BY created_at DESC LIMIT 1");
}
