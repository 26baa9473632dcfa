using System.Net;
using System.Text.Json;

namespace MicroInternships.EndToEnd.Tests.Credentials;

/// <summary>A placement completed through the gateway with endorsed competencies, and the people around its credential.</summary>
public sealed class CredentialJourney
{
    private CredentialJourney(HttpClient coordinator, HttpClient partner, HttpClient student, string placementId)
    {
        (Coordinator, Partner, Student, PlacementId) = (coordinator, partner, student, placementId);
    }

    public HttpClient Coordinator { get; }

    public HttpClient Partner { get; }

    public HttpClient Student { get; }

    public string PlacementId { get; }

    public static async Task<CredentialJourney> CompletedAsync(GatewayCalls calls, string studentName, string title)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var coordinator = await calls.ClientAsync(new { sub = "c-credentials", role = "coordinator", name = "Casey" });
        var organization = (await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/organizations", new { name = $"Badge Co {suffix}" },
            HttpStatusCode.Created)).GetProperty("id").GetString();
        var partner = await calls.ClientAsync(new { sub = $"p-badge-{suffix}", role = "partner", name = "Pat", org = organization });
        var student = await calls.ClientAsync(new { sub = $"s-badge-{suffix}", role = "student", name = studentName });
        var listing = await GatewayCalls.PublishedListingAsync(partner, title, "data analysis");
        var placement = await GatewayCalls.AcceptedPlacementAsync(partner, student, listing, "I analyse surveys.");
        await GatewayCalls.SendAsync(student, HttpMethod.Post, $"/api/placements/{placement}/time-entries",
            new { date = ProgramDay.Today, hours = 12m, note = "Cleaned and weighted the responses" }, HttpStatusCode.Created);
        await GatewayCalls.SendAsync(student, HttpMethod.Post, $"/api/placements/{placement}/submit", new { note = "Report attached" });
        await GatewayCalls.SendAsync(partner, HttpMethod.Post, $"/api/placements/{placement}/approve", new
        {
            rating = 5,
            feedback = "Clear and useful",
            competencies = new[]
            {
                new { competency = "critical_thinking", evidence = "Found and corrected the bias in our sample." },
                new { competency = "communication", evidence = "Explained the weighting to our managers in plain words." },
            },
        });
        return new CredentialJourney(coordinator, partner, student, placement);
    }

    public Task<JsonElement> CredentialAsync() => GatewayCalls.SendAsync(Student, HttpMethod.Get, $"/api/placements/{PlacementId}/credential");

    public Task<JsonElement> RevokeAsync(string credentialId, string reason, string? note = null) =>
        GatewayCalls.SendAsync(Coordinator, HttpMethod.Post, $"/api/credentials/{credentialId}/revoke", new { reason, note });
}
