using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MicroInternships.Credentials;
using MicroInternships.Web.Api;
using MicroInternships.Web.Credentials;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MicroInternships.Web.Tests;

/// <summary>The verify page's checks against a gateway answering with a key, a credential and a status list signed here.</summary>
public sealed class CredentialCheckerTests : IDisposable
{
    private const string CredentialId = "AbCdEfGhIjKlMnOpQrStUv";
    private const int Bit = 42;
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly Dictionary<string, (HttpStatusCode Status, string Body)> _answers = [];

    [Fact]
    public async Task A_credential_signed_by_a_published_key_and_not_revoked_is_verified_and_summarised()
    {
        var jwt = Serve(Credential());

        var (report, problem) = await CheckAsync($"https://site.example/credentials/{CredentialId}");

        Assert.Null(problem);
        Assert.True(report!.Verified, report.Signature.Problem);
        Assert.Equal("Survey analysis", report.Summary!.Achievement);
        Assert.Equal("Acme", report.Summary.Organization);
        Assert.Equal("Ada Lovelace", report.Summary.StudentName);
        Assert.Equal(["Teamwork"], report.Summary.Competencies.Select(c => c.Name));
        Assert.Equal("Held the team together.", report.Summary.Competencies[0].Evidence);
        Assert.True((await CheckAsync(jwt)).Report!.Verified);
    }

    [Fact]
    public async Task A_revoked_credential_says_revoked()
    {
        Serve(Credential(), revokedBits: [Bit]);

        var (report, _) = await CheckAsync(CredentialId);

        Assert.True(report!.Revoked);
        Assert.False(report.Verified);
    }

    [Fact]
    public async Task One_changed_character_or_an_unpublished_key_is_not_verified()
    {
        var jwt = Serve(Credential());
        var parts = jwt.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("Survey analysis", "Survey analysiz", StringComparison.Ordinal);
        var changed = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        var tampered = (await CheckAsync(changed)).Report;
        Assert.NotNull(tampered);
        Assert.False(tampered.Verified);
        Assert.True(tampered.Signature.KeyKnown);
        Assert.Equal(StatusCheck.Unknown, tampered.Status);

        var damaged = $"{parts[0]}.{parts[1][..^3]}.{parts[2]}";
        var (none, problem) = await CheckAsync(damaged);
        Assert.Null(none);
        Assert.Contains("changed or damaged", problem);

        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var foreign = Sign(Credential(), stranger, "someone-else");
        var (report, _) = await CheckAsync(foreign);
        Assert.False(report!.Signature.KeyKnown);
        Assert.False(report.Verified);
    }

    [Fact]
    public async Task An_expired_credential_is_not_in_force()
    {
        var credential = Credential();
        credential["validUntil"] = "2020-01-01T00:00:00Z";
        var jwt = Serve(credential);

        var (report, _) = await CheckAsync(jwt);

        Assert.True(report!.Signature.Valid);
        Assert.False(report.Verified);
        Assert.Equal("The credential has expired.", report.ValidityProblem);
    }

    [Theory]
    [InlineData("not a credential")]
    [InlineData("https://site.example/credentials/ZZZZZZZZZZZZZZZZZZZZZZ")]
    public async Task Text_that_is_no_credential_or_an_unknown_link_gets_a_problem_in_words(string given)
    {
        Serve(Credential());

        var (report, problem) = await CheckAsync(given);

        Assert.Null(report);
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }

    [Fact]
    public async Task A_credential_replaced_by_its_holder_has_no_content_to_check_and_says_so()
    {
        Serve(Credential());
        _answers[$"/api/credentials/{CredentialId}"] = (HttpStatusCode.OK, """{"jwt":null,"credential":null,"revoked":true,"revocationReason":"superseded"}""");

        var (report, problem) = await CheckAsync(CredentialId);

        Assert.Null(report);
        Assert.Contains("replaced this credential", problem);
    }

    [Fact]
    public async Task Oddly_shaped_evidence_in_a_signed_credential_is_read_without_failing()
    {
        var credential = Credential();
        credential["evidence"] = new JsonArray(new JsonObject { ["narrative"] = "No name." }, new JsonObject { ["narrative"] = "No name either." }, "not an object");
        var jwt = Serve(credential);

        var (report, _) = await CheckAsync(jwt);

        Assert.True(report!.Verified);
        Assert.Null(report.Summary!.Competencies.Single().Evidence);
    }

    [Fact]
    public void The_LinkedIn_link_fills_the_certification_form()
    {
        var link = LinkedInCertification.AddLink("Micro-internship: Survey & analysis", "University Program", new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero),
            CredentialId, $"https://site.example/credentials/{CredentialId}");

        Assert.StartsWith("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Micro-internship%3A%20Survey%20%26%20analysis", link);
        Assert.Contains("&organizationName=University%20Program&issueYear=2026&issueMonth=12&certId=AbCdEfGhIjKlMnOpQrStUv", link);
        Assert.EndsWith("&certUrl=https%3A%2F%2Fsite.example%2Fcredentials%2FAbCdEfGhIjKlMnOpQrStUv", link);
    }

    public void Dispose() => _key.Dispose();

    private static JsonObject Credential() => new()
    {
        ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
        ["id"] = $"https://api.example/api/credentials/{CredentialId}",
        ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
        ["name"] = "Micro-internship: Survey analysis",
        ["issuer"] = new JsonObject { ["id"] = "https://site.example/", ["type"] = new JsonArray("Profile"), ["name"] = "University Program" },
        ["validFrom"] = "2026-12-01T10:00:00Z",
        ["credentialSubject"] = new JsonObject
        {
            ["type"] = new JsonArray("AchievementSubject"),
            ["identifier"] = new JsonArray(new JsonObject { ["type"] = "IdentityObject", ["identityType"] = "name", ["hashed"] = false, ["identityHash"] = "Ada Lovelace" }),
            ["source"] = new JsonObject { ["name"] = "Acme" },
            ["achievement"] = new JsonObject
            {
                ["name"] = "Survey analysis",
                ["alignment"] = new JsonArray(new JsonObject { ["targetName"] = "Teamwork" }),
            },
        },
        ["evidence"] = new JsonArray(new JsonObject { ["name"] = "Teamwork", ["narrative"] = "Held the team together." }),
        ["credentialStatus"] = new JsonObject
        {
            ["type"] = "BitstringStatusListEntry",
            ["statusPurpose"] = "revocation",
            ["statusListIndex"] = Bit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["statusListCredential"] = "https://api.example/api/credentials/status/1",
        },
    };

    private string Serve(JsonObject credential, int[]? revokedBits = null)
    {
        var jwt = Sign(credential, _key, "k-1");
        var point = _key.ExportParameters(false).Q;
        var jwks = new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "EC", ["crv"] = "P-256", ["kid"] = "k-1", ["x"] = Base64UrlEncoder.Encode(point.X), ["y"] = Base64UrlEncoder.Encode(point.Y),
            }),
        };
        var list = new JsonObject { ["credentialSubject"] = new JsonObject { ["statusPurpose"] = "revocation", ["encodedList"] = StatusListBits.Encode(revokedBits ?? []) } };
        _answers["/.well-known/jwks.json"] = (HttpStatusCode.OK, jwks.ToJsonString());
        _answers[$"/api/credentials/{CredentialId}"] = (HttpStatusCode.OK, new JsonObject { ["jwt"] = jwt }.ToJsonString());
        _answers["/api/credentials/status/1"] = (HttpStatusCode.OK, Sign(list, _key, "k-1"));
        return jwt;
    }

    private static string Sign(JsonObject payload, ECDsa key, string kid) =>
        new JsonWebTokenHandler().CreateToken(
            payload.ToJsonString(),
            new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = kid }, SecurityAlgorithms.EcdsaSha256),
            new Dictionary<string, object> { ["typ"] = "vc+jwt" });

    private Task<(CredentialReport? Report, string? Problem)> CheckAsync(string given) =>
        new CredentialChecker(new Clients(new Answers(_answers)), new Visitor(), TimeProvider.System).CheckAsync(given);

    private sealed class Clients(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false) { BaseAddress = new Uri("http://gateway") };
    }

    private sealed class Answers(Dictionary<string, (HttpStatusCode Status, string Body)> answers) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answers.TryGetValue(request.RequestUri!.AbsolutePath, out var answer)
                ? new HttpResponseMessage(answer.Status) { Content = new StringContent(answer.Body) }
                : new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
