using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MicroInternships.EndToEnd.Tests.Credentials;

/// <summary>
/// A completed placement's credential through the gateway, checked by jose (tools/verify-credential, a library nobody
/// here wrote) against the keys the gateway publishes; revoked, it says so; a portfolio lists it while it stands.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class CredentialJourneyTests(SystemFixture system)
{
    private static readonly string _verifier = Path.Combine(Repository.Root, "tools", "verify-credential");
    private readonly GatewayCalls _calls = new(system);

    [Fact]
    public async Task TheCredential_VerifiesWithJose_TamperingFails_RevokingShows_AndThePortfolioListsItWhileItStands()
    {
        var journey = await CredentialJourney.CompletedAsync(_calls, "Robin Park", "Loyalty survey weighting");
        var credential = await journey.CredentialAsync();
        var credentialId = credential.GetProperty("id").GetString()!;
        var url = credential.GetProperty("url").GetString()!;
        Assert.StartsWith(system.Gateway.BaseAddress!.ToString(), url);

        await ToolProcess.RunToSuccessAsync(_verifier, "npm", "ci --no-audit --no-fund --loglevel=error");
        var verified = JsonDocument.Parse(await ToolProcess.RunToSuccessAsync(_verifier, "node", $"verify.mjs {url}")).RootElement;
        Assert.True(verified.GetProperty("verified").GetBoolean());
        Assert.False(verified.GetProperty("revoked").GetBoolean());
        Assert.Equal("Loyalty survey weighting", verified.GetProperty("achievement").GetString());
        Assert.Equal(["Critical Thinking", "Communication"], verified.GetProperty("competencies").EnumerateArray().Select(c => c.GetString()));

        var tampered = Path.Combine(Path.GetTempPath(), $"tampered-{credentialId}.jwt");
        await File.WriteAllTextAsync(tampered, OneCharacterChanged(credential.GetProperty("jwt").GetString()!));
        var jwks = new Uri(system.Gateway.BaseAddress!, "/.well-known/jwks.json");
        var (tamperedExit, tamperedOutput, _) = await ToolProcess.RunAsync(_verifier, "node", $"verify.mjs {tampered} --jwks {jwks}");
        Assert.True(tamperedExit == 1, tamperedOutput);

        var slug = $"robin-{Guid.NewGuid():N}"[..20];
        await GatewayCalls.SendAsync(journey.Student, HttpMethod.Put, "/api/portfolio", new { slug, headline = "Survey analysis", published = true });
        var portfolio = await AnonymousAsync<JsonElement>($"/api/portfolios/{slug}");
        Assert.Equal(credentialId, Assert.Single(portfolio.GetProperty("credentials").EnumerateArray()).GetProperty("credentialId").GetString());

        await journey.RevokeAsync(credentialId, "issued_in_error", "It was issued for the wrong student; the right one has theirs.");
        var (revokedExit, revokedOutput, _) = await ToolProcess.RunAsync(_verifier, "node", $"verify.mjs {url}");
        Assert.True(revokedExit == 2, revokedOutput);
        Assert.True(JsonDocument.Parse(revokedOutput).RootElement.GetProperty("revoked").GetBoolean());
        Assert.Empty((await AnonymousAsync<JsonElement>($"/api/portfolios/{slug}")).GetProperty("credentials").EnumerateArray());
        var told = await GatewayCalls.EventuallyAsync(async () =>
        {
            var notifications = await GatewayCalls.SendAsync(journey.Student, HttpMethod.Get, "/api/notifications");
            return notifications.GetProperty("items").EnumerateArray().FirstOrDefault(n => n.GetProperty("category").GetString() == "credential_revoked") is
                { ValueKind: JsonValueKind.Object } notification ? notification : (JsonElement?)null;
        });
        Assert.Contains("it was issued in error", told.GetProperty("body").GetString());

        await GatewayCalls.SendAsync(journey.Student, HttpMethod.Put, "/api/portfolio", new { slug, headline = "Survey analysis", published = false });
        using var unpublished = await system.CreateGatewayClient().GetAsync($"/api/portfolios/{slug}");
        Assert.Equal(HttpStatusCode.NotFound, unpublished.StatusCode);
    }

    [Fact]
    public async Task ATokenSignedWithTheCredentialKey_IsRefusedByTheGateway()
    {
        await CredentialJourney.CompletedAsync(_calls, "Sam Forger", "Key custody review");
        using var key = ECDsa.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(Path.Combine(system.DataDirectory, "credentials", "signing-key.pem")));
        var jwks = await AnonymousAsync<JsonElement>("/.well-known/jwks.json");
        // A coordinator's genuine development token, its claims signed again with the credential key instead.
        var genuine = new JsonWebToken(await _calls.TokenAsync(new { sub = "c-forged", role = "coordinator", name = "Forger" }));
        var forged = new JsonWebTokenHandler().CreateToken(
            Base64UrlEncoder.Decode(genuine.EncodedPayload),
            new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = jwks.GetProperty("keys")[0].GetProperty("kid").GetString() }, SecurityAlgorithms.EcdsaSha256));

        using var client = system.CreateGatewayClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);
        using var response = await client.GetAsync("/api/placements");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string OneCharacterChanged(string jwt)
    {
        var parts = jwt.Split('.');
        var payload = parts[1].ToCharArray();
        payload[payload.Length / 2] = payload[payload.Length / 2] == 'A' ? 'B' : 'A';
        return $"{parts[0]}.{new string(payload)}.{parts[2]}";
    }

    private async Task<T> AnonymousAsync<T>(string path)
    {
        using var client = system.CreateGatewayClient();
        return (await client.GetFromJsonAsync<T>(path))!;
    }
}
