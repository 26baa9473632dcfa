using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MicroInternships.Credentials;
using MicroInternships.Placements.Credentials;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MicroInternships.Placements.Tests.Credentials;

public sealed class CredentialKeysTests
{
    private static readonly string _first = NewKeyPem();
    private static readonly string _second = NewKeyPem();

    [Fact]
    public async Task AfterRotation_OldCredentialsStillVerify_AndNewOnesUseTheNewKid()
    {
        var before = CredentialKeys.Load(Options(("2026-a", _first)), isDevelopment: false);
        var old = before.Sign(new JsonObject { ["name"] = "issued before the rotation" });

        var after = CredentialKeys.Load(Options(("2026-a", PublicPart(_first)), ("2026-b", _second)), isDevelopment: false);
        var fresh = after.Sign(new JsonObject { ["name"] = "issued after" });

        Assert.Equal(["2026-a", "2026-b"], after.PublicKeys.Select(k => (string?)k["kid"]));
        Assert.Equal("2026-b", new JsonWebToken(fresh).Kid);
        Assert.True((await VerifyAsync(old, after)).IsValid);
        Assert.True((await VerifyAsync(fresh, after)).IsValid);
        Assert.False((await VerifyAsync(fresh, before)).IsValid);
    }

    [Fact]
    public void ThePublishedKeys_HoldNoPrivatePart()
    {
        var keys = CredentialKeys.Load(Options(("k", _first)), isDevelopment: false);

        var jwk = Assert.Single(keys.PublicKeys);
        Assert.Equal(["alg", "crv", "kid", "kty", "use", "x", "y"], jwk.Select(p => p.Key).Order());
    }

    [Fact]
    public void OutsideDevelopment_NoKeyOrAKeyThatCannotSign_RefusesToStart()
    {
        Assert.Throws<InvalidOperationException>(() => CredentialKeys.Load(new CredentialOptions(), isDevelopment: false));
        Assert.Throws<InvalidOperationException>(() => CredentialKeys.Load(Options(("k", PublicPart(_first))), isDevelopment: false));
        Assert.Throws<InvalidOperationException>(() => CredentialKeys.Load(Options(("k", "not a key")), isDevelopment: false));
        Assert.Throws<InvalidOperationException>(() => CredentialKeys.Load(Options(("k", _first), ("k", _second)), isDevelopment: false));
    }

    [Fact]
    public void InDevelopment_AKeyIsMadeOnce_AndKept()
    {
        var file = Path.Combine(Path.GetTempPath(), $"credential-keys-{Guid.NewGuid():N}", "key.pem");
        var options = new CredentialOptions { DevelopmentKeyFile = file };

        var first = CredentialKeys.Load(options, isDevelopment: true);
        var again = CredentialKeys.Load(options, isDevelopment: true);

        Assert.True(File.Exists(file));
        Assert.Equal(first.ActiveKeyId, again.ActiveKeyId);
        Assert.Equal(first.PublicKeys[0].ToJsonString(), again.PublicKeys[0].ToJsonString());
    }

    [Fact]
    public void AStatusList_SetsExactlyTheRevokedBits()
    {
        var encoded = StatusListBits.Encode([0, 7, 8, 131_071]);

        Assert.StartsWith("u", encoded);
        Assert.True(StatusListBits.IsSet(encoded, 0));
        Assert.True(StatusListBits.IsSet(encoded, 7));
        Assert.True(StatusListBits.IsSet(encoded, 8));
        Assert.True(StatusListBits.IsSet(encoded, 131_071));
        Assert.False(StatusListBits.IsSet(encoded, 1));
        Assert.False(StatusListBits.IsSet(encoded, 9));
        Assert.Equal((2, 5), StatusListBits.Position(StatusListBits.Size + 5));
    }

    private static CredentialOptions Options(params (string KeyId, string Pem)[] keys) =>
        new() { SigningKeys = keys.Select(k => new CredentialKeyOptions { KeyId = k.KeyId, Pem = k.Pem }).ToList() };

    private static string NewKeyPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    private static string PublicPart(string privatePem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(privatePem);
        return key.ExportSubjectPublicKeyInfoPem();
    }

    private static Task<TokenValidationResult> VerifyAsync(string jwt, CredentialKeys keys) =>
        new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKeys = new JsonWebKeySet(new JsonObject { ["keys"] = new JsonArray(keys.PublicKeys.Select(k => (JsonNode)k.DeepClone()).ToArray()) }.ToJsonString()).GetSigningKeys(),
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
        });
}
