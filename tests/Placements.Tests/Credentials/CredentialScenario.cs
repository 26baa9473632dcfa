using System.Net;
using System.Text.Json;
using MicroInternships.Credentials;
using Microsoft.IdentityModel.Tokens;

namespace MicroInternships.Placements.Tests.Credentials;

/// <summary>Credential shortcuts over <see cref="PlacementsScenario"/>: a completion with endorsements, and checks a verifier makes.</summary>
public sealed class CredentialScenario(PlacementsFactory factory)
{
    public PlacementsScenario Placements { get; } = new(factory);

    public static readonly object[] TwoEndorsements =
    [
        new { competency = "critical_thinking", evidence = "Found the flaw in our survey weighting and fixed it." },
        new { competency = "communication", evidence = "Presented the findings clearly to the whole team." },
    ];

    public async Task<Guid> CompletedWithEndorsementsAsync(int student = 1)
    {
        var id = (await Placements.SubmittedPlacementAsync(student)).GetProperty("id").GetGuid();
        using var response = await Placements.Partner.PostJsonAsync(
            $"/api/placements/{id}/approve", new { rating = 5, feedback = "Excellent work", competencies = TwoEndorsements });
        await response.ReadAsync(HttpStatusCode.OK);
        return id;
    }

    public async Task<JsonElement> CredentialOfAsync(Guid placementId, int student = 1)
    {
        using var response = await Placements.Student(student).GetAsync($"/api/placements/{placementId}/credential");
        return await response.ReadAsync(HttpStatusCode.OK);
    }

    public async Task<JsonElement> PublicCredentialAsync(string credentialId)
    {
        using var response = await Placements.Anonymous.GetAsync($"/api/credentials/{credentialId}");
        return await response.ReadAsync(HttpStatusCode.OK);
    }

    /// <summary>Checks the JWS against the service's published keys, as an employer's verifier would.</summary>
    public async Task<SignatureCheck> VerifyAsync(string jwt) =>
        await CredentialSignature.CheckAsync(jwt, await Placements.Anonymous.GetStringAsync("/.well-known/jwks.json"));

    /// <summary>Whether the credential's bit is set in the status list its <c>credentialStatus</c> names, read through the API.</summary>
    public async Task<bool> IsRevokedInStatusListAsync(JsonElement credential)
    {
        var status = credential.GetProperty("credentialStatus");
        var listUrl = new Uri(status.GetProperty("statusListCredential").GetString()!);
        using var response = await Placements.Anonymous.GetAsync(listUrl.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vc+jwt", response.Content.Headers.ContentType?.MediaType);
        var listJwt = await response.Content.ReadAsStringAsync();
        var verified = await VerifyAsync(listJwt);
        Assert.True(verified.Valid, verified.Problem);
        using var list = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(listJwt.Split('.')[1]));
        var subject = list.RootElement.GetProperty("credentialSubject");
        Assert.Equal("revocation", subject.GetProperty("statusPurpose").GetString());
        return MicroInternships.Credentials.StatusListBits.IsSet(
            subject.GetProperty("encodedList").GetString()!, int.Parse(status.GetProperty("statusListIndex").GetString()!));
    }
}
