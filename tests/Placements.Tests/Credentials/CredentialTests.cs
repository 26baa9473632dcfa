using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using MicroInternships.Contracts.Placements;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MicroInternships.Placements.Tests.Credentials;

[Collection(PlacementsCollection.Name)]
public sealed class CredentialTests(PlacementsFactory factory)
{
    private readonly CredentialScenario _scenario = new(factory);

    private PlacementsScenario Placements => _scenario.Placements;

    [Fact]
    public async Task ACompletionWithEndorsements_IssuesASignedOpenBadge_ThatVerifiesAgainstThePublishedKeys()
    {
        var id = await _scenario.CompletedWithEndorsementsAsync();

        var placement = await Placements.GetPlacementAsync(id);
        Assert.Equal(["critical_thinking", "communication"], placement.GetProperty("competencies").EnumerateArray().Select(c => c.GetProperty("competency").GetString()));
        Assert.Equal("Critical Thinking", placement.GetProperty("competencies")[0].GetProperty("name").GetString());

        var credential = await _scenario.CredentialOfAsync(id);
        var credentialId = credential.GetProperty("id").GetString()!;
        Assert.Equal(22, credentialId.Length);
        Assert.DoesNotContain(id.ToString(), credential.GetRawText());
        Assert.Equal("application/vc+jwt", credential.GetProperty("mediaType").GetString());
        Assert.True(credential.GetProperty("includesName").GetBoolean());
        Assert.Equal(credentialId, placement.GetProperty("credentialId").GetString());

        var jwt = credential.GetProperty("jwt").GetString()!;
        var verified = await _scenario.VerifyAsync(jwt);
        Assert.True(verified.Valid, verified.Problem);
        var header = new JsonWebToken(jwt);
        Assert.Equal("vc+jwt", header.Typ);
        Assert.Equal("ES256", header.Alg);

        var badge = credential.GetProperty("credential");
        Assert.Equal(["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            badge.GetProperty("@context").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["VerifiableCredential", "OpenBadgeCredential"], badge.GetProperty("type").EnumerateArray().Select(c => c.GetString()));
        Assert.EndsWith($"/api/credentials/{credentialId}", badge.GetProperty("id").GetString());
        var issuer = badge.GetProperty("issuer");
        Assert.Equal("Profile", issuer.GetProperty("type")[0].GetString());
        Assert.All(new[] { "id", "name", "url", "email" }, field => Assert.False(string.IsNullOrEmpty(issuer.GetProperty(field).GetString())));
        Assert.True(DateTimeOffset.TryParse(badge.GetProperty("validFrom").GetString(), out var validFrom));
        Assert.Equal(issuer.GetProperty("id").GetString(), badge.GetProperty("iss").GetString());
        Assert.Equal(badge.GetProperty("id").GetString(), badge.GetProperty("jti").GetString());
        Assert.Equal(badge.GetProperty("credentialSubject").GetProperty("id").GetString(), badge.GetProperty("sub").GetString());
        Assert.Equal(validFrom.ToUnixTimeSeconds(), badge.GetProperty("nbf").GetInt64());

        var subject = badge.GetProperty("credentialSubject");
        Assert.Equal("AchievementSubject", subject.GetProperty("type")[0].GetString());
        Assert.Equal("Survey analysis", subject.GetProperty("achievement").GetProperty("name").GetString());
        Assert.Equal("Acme Test Co", subject.GetProperty("source").GetProperty("name").GetString());
        Assert.Equal(placement.GetProperty("studentName").GetString(), subject.GetProperty("identifier")[0].GetProperty("identityHash").GetString());
        Assert.Equal(["Critical Thinking", "Communication"],
            subject.GetProperty("achievement").GetProperty("alignment").EnumerateArray().Select(a => a.GetProperty("targetName").GetString()));
        Assert.Equal("Presented the findings clearly to the whole team.", badge.GetProperty("evidence")[1].GetProperty("narrative").GetString());
        Assert.Contains("10 hours", badge.GetProperty("description").GetString());
        Assert.Equal("BitstringStatusListEntry", badge.GetProperty("credentialStatus").GetProperty("type").GetString());
        Assert.False(await _scenario.IsRevokedInStatusListAsync(badge));

        var anyone = await _scenario.PublicCredentialAsync(credentialId);
        Assert.Equal(jwt, anyone.GetProperty("jwt").GetString());
        Assert.Equal(JsonValueKind.Null, anyone.GetProperty("includesName").ValueKind);
        Assert.Single(await factory.Database.OutboxVersionsAsync<CredentialIssued>("credential", "placementId", id));
    }

    [Fact]
    public async Task TamperingWithOneCharacterOfThePayload_FailsVerification()
    {
        var id = await _scenario.CompletedWithEndorsementsAsync();
        var jwt = (await _scenario.CredentialOfAsync(id)).GetProperty("jwt").GetString()!;
        var parts = jwt.Split('.');
        var payload = parts[1].ToCharArray();
        payload[10] = payload[10] == 'A' ? 'B' : 'A';

        var tampered = await _scenario.VerifyAsync($"{parts[0]}.{new string(payload)}.{parts[2]}");

        Assert.False(tampered.Valid);
    }

    [Fact]
    public async Task Endorsements_AreChecked_FieldByField()
    {
        var id = (await Placements.SubmittedPlacementAsync()).GetProperty("id").GetGuid();
        object[] bad =
        [
            new { competency = "charisma", evidence = "Charming." },
            new { competency = "teamwork", evidence = "" },
            new { competency = "teamwork", evidence = "Pulled the team together.\nTwice." },
        ];
        using var response = await Placements.Partner.PostJsonAsync($"/api/placements/{id}/approve", new { rating = 5, feedback = "Good", competencies = bad });
        await response.ValidationAsync("competencies[0].competency", "competencies[1].evidence", "competencies[2].competency", "competencies[2].evidence");

        object[] four = ["leadership", "teamwork", "technology", "professionalism"];
        using var tooMany = await Placements.Partner.PostJsonAsync($"/api/placements/{id}/approve", new
        {
            rating = 5, feedback = "Good", competencies = four.Select(c => new { competency = c, evidence = "Shown throughout." }),
        });
        await tooMany.ValidationAsync("competencies");
        Assert.Equal("submitted", (await Placements.GetPlacementAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task OnlyThePlacementsStudent_ReadsItsCredentialByPlacement()
    {
        var id = await _scenario.CompletedWithEndorsementsAsync();

        using var partner = await Placements.Partner.GetAsync($"/api/placements/{id}/credential");
        await partner.ProblemAsync(HttpStatusCode.Forbidden, "not_placement_student");
        using var otherStudent = await Placements.Student(2).GetAsync($"/api/placements/{id}/credential");
        await otherStudent.ProblemAsync(HttpStatusCode.NotFound, "placement_not_found");
        using var unknown = await Placements.Anonymous.GetAsync("/api/credentials/AAAAAAAAAAAAAAAAAAAAAA");
        await unknown.ProblemAsync(HttpStatusCode.NotFound, "credential_not_found");
        using var malformed = await Placements.Anonymous.GetAsync("/api/credentials/not-one");
        await malformed.ProblemAsync(HttpStatusCode.NotFound, "credential_not_found");

        var active = (await Placements.ActivePlacementAsync(student: 3)).GetProperty("id").GetGuid();
        using var early = await Placements.Student(3).GetAsync($"/api/placements/{active}/credential");
        await early.ProblemAsync(HttpStatusCode.Conflict, "placement_not_completed");
    }

    [Fact]
    public async Task ChangingTheNameChoice_ReissuesTheCredential_AndRevokesTheOldAsSuperseded()
    {
        var id = await _scenario.CompletedWithEndorsementsAsync();
        var first = await _scenario.CredentialOfAsync(id);

        using var hide = await Placements.Student().PutAsJsonAsync($"/api/placements/{id}/credential", new { includeName = false });
        var second = await hide.ReadAsync(HttpStatusCode.OK);

        Assert.NotEqual(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());
        Assert.False(second.GetProperty("includesName").GetBoolean());
        Assert.False(second.GetProperty("credential").GetProperty("credentialSubject").TryGetProperty("identifier", out _));
        var old = await _scenario.PublicCredentialAsync(first.GetProperty("id").GetString()!);
        Assert.True(old.GetProperty("revoked").GetBoolean());
        Assert.Equal("superseded", old.GetProperty("revocationReason").GetString());
        Assert.Equal(JsonValueKind.Null, old.GetProperty("jwt").ValueKind);
        Assert.Equal(JsonValueKind.Null, old.GetProperty("credential").ValueKind);
        using var revokeReplaced = await Placements.Coordinator.PostJsonAsync($"/api/credentials/{first.GetProperty("id").GetString()}/revoke", new { reason = "issued_in_error" });
        Assert.Contains("newer one", (await revokeReplaced.ProblemAsync(HttpStatusCode.Conflict, "credential_revoked")).GetProperty("detail").GetString());
        Assert.True(await _scenario.IsRevokedInStatusListAsync(first.GetProperty("credential")));
        Assert.False(await _scenario.IsRevokedInStatusListAsync(second.GetProperty("credential")));
        Assert.Equal(second.GetProperty("id").GetString(), (await _scenario.CredentialOfAsync(id)).GetProperty("id").GetString());

        var record = await RecordAsync(id);
        Assert.Equal(JsonValueKind.Null, record.GetProperty("studentName").ValueKind);
        Assert.False(record.GetProperty("revoked").GetBoolean());

        using var same = await Placements.Student().PutAsJsonAsync($"/api/placements/{id}/credential", new { includeName = false });
        Assert.Equal(second.GetProperty("id").GetString(), (await same.ReadAsync(HttpStatusCode.OK)).GetProperty("id").GetString());
        using var missing = await Placements.Student().PutAsJsonAsync($"/api/placements/{id}/credential", new { });
        await missing.ValidationAsync("includeName");
    }

    [Fact]
    public async Task ACoordinatorRevokes_TheStatusListAndTheRecordSaySo_AndTheStudentCannotReissueIt()
    {
        var id = await _scenario.CompletedWithEndorsementsAsync();
        var credential = await _scenario.CredentialOfAsync(id);
        var credentialId = credential.GetProperty("id").GetString()!;
        var revoke = $"/api/credentials/{credentialId}/revoke";

        using var byStudent = await Placements.Student().PostJsonAsync(revoke, new { reason = "student_request" });
        await byStudent.ProblemAsync(HttpStatusCode.Forbidden, "coordinators_only");
        using var byPartner = await Placements.Partner.PostJsonAsync(revoke, new { reason = "issued_in_error" });
        await byPartner.ProblemAsync(HttpStatusCode.Forbidden, "coordinators_only");
        using var noReason = await Placements.Coordinator.PostJsonAsync(revoke, new { reason = " " });
        await noReason.ValidationAsync("reason");
        using var superseded = await Placements.Coordinator.PostJsonAsync(revoke, new { reason = "superseded" });
        await superseded.ValidationAsync("reason");
        using var otherWithoutNote = await Placements.Coordinator.PostJsonAsync(revoke, new { reason = "other" });
        await otherWithoutNote.ValidationAsync("note");

        using var revoked = await Placements.Coordinator.PostJsonAsync(revoke, new { reason = "misconduct", note = "The report was copied; see the program office." });
        var body = await revoked.ReadAsync(HttpStatusCode.OK);
        Assert.True(body.GetProperty("revoked").GetBoolean());
        Assert.Equal("misconduct", body.GetProperty("revocationReason").GetString());
        Assert.Equal("The report was copied; see the program office.", body.GetProperty("revocationNote").GetString());
        Assert.Equal("The report was copied; see the program office.", (await _scenario.CredentialOfAsync(id)).GetProperty("revocationNote").GetString());

        Assert.True(await _scenario.IsRevokedInStatusListAsync(credential.GetProperty("credential")));
        var anyone = await _scenario.PublicCredentialAsync(credentialId);
        Assert.True(anyone.GetProperty("revoked").GetBoolean());
        Assert.Equal("misconduct", anyone.GetProperty("revocationReason").GetString());
        Assert.Equal(JsonValueKind.Null, anyone.GetProperty("revocationNote").ValueKind);
        Assert.Equal(credential.GetProperty("jwt").GetString(), anyone.GetProperty("jwt").GetString());
        Assert.True((await RecordAsync(id)).GetProperty("revoked").GetBoolean());
        Assert.Equal(["2"], await factory.Database.OutboxVersionsAsync<CredentialRevoked>("credential", "placementId", id));

        using var twice = await Placements.Coordinator.PostJsonAsync(revoke, new { reason = "issued_in_error" });
        await twice.ProblemAsync(HttpStatusCode.Conflict, "credential_revoked");
        using var reissue = await Placements.Student().PutAsJsonAsync($"/api/placements/{id}/credential", new { includeName = false });
        await reissue.ProblemAsync(HttpStatusCode.Conflict, "credential_revoked");
    }

    [Fact]
    public async Task AStatusListNobodyWasGivenABitOf_Is404()
    {
        using var zero = await Placements.Anonymous.GetAsync("/api/credentials/status/0");
        await zero.ProblemAsync(HttpStatusCode.NotFound, "status_list_not_found");
        using var far = await Placements.Anonymous.GetAsync("/api/credentials/status/99999");
        await far.ProblemAsync(HttpStatusCode.NotFound, "status_list_not_found");
    }

    [Fact]
    public async Task TheCredentialKey_IsNeverAcceptedForAuthentication()
    {
        await _scenario.CompletedWithEndorsementsAsync();
        using var key = ECDsa.Create();
        key.ImportFromPem(await File.ReadAllTextAsync(factory.CredentialKeyFile));
        var kid = (await JsonDocument.ParseAsync(await Placements.Anonymous.GetStreamAsync("/.well-known/jwks.json")))
            .RootElement.GetProperty("keys")[0].GetProperty("kid").GetString();
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = new IdentityOptions().Issuer,
            Audience = new IdentityOptions().Audience,
            Subject = new ClaimsIdentity([new Claim(ClaimNames.Subject, "c-forged"), new Claim(ClaimNames.Role, "coordinator")]),
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = kid }, SecurityAlgorithms.EcdsaSha256),
        });

        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/api/placements");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<JsonElement> RecordAsync(Guid placementId)
    {
        using var record = await Placements.Student().GetAsync($"/api/placements/{placementId}/record");
        var code = (await record.ReadAsync(HttpStatusCode.OK)).GetProperty("verificationCode").GetString();
        using var verify = await Placements.Anonymous.GetAsync($"/api/verify/{code}");
        return await verify.ReadAsync(HttpStatusCode.OK);
    }
}
