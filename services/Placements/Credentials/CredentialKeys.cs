using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using MicroInternships.Credentials;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MicroInternships.Placements.Credentials;

/// <summary>
/// The program's credential keys (ES256): the one that signs, and every one whose credentials still verify, published
/// as a JWKS. They sign credentials only; nothing that authenticates callers trusts them.
/// </summary>
public sealed class CredentialKeys
{
    public const int MaxKeyIdLength = 100;
    private const string P256 = "1.2.840.10045.3.1.7";
    private static readonly JsonWebTokenHandler _tokens = new();
    private readonly SigningCredentials _signing;
    private readonly JsonObject _signingJwk;

    private CredentialKeys(IReadOnlyList<(string KeyId, ECDsa Key)> keys, string? activeKeyId)
    {
        var active = activeKeyId is null
            ? keys.LastOrDefault(k => CanSign(k.Key))
            : keys.FirstOrDefault(k => k.KeyId == activeKeyId);
        if (active.Key is null || !CanSign(active.Key))
        {
            throw new InvalidOperationException(
                $"{CredentialOptions.SectionName}:ActiveKeyId must name a configured key with its private part.");
        }

        _signing = new SigningCredentials(new ECDsaSecurityKey(active.Key) { KeyId = active.KeyId }, SecurityAlgorithms.EcdsaSha256);
        PublicKeys = keys.Select(k => PublicJwk(k.KeyId, k.Key)).ToList();
        _signingJwk = PublicKeys.Single(k => (string?)k["kid"] == active.KeyId);
    }

    public string ActiveKeyId => _signing.Kid;

    /// <summary>Each key's public part as a JWK (<c>kty, crv, x, y, kid, use, alg</c>).</summary>
    public IReadOnlyList<JsonObject> PublicKeys { get; }

    /// <summary>The configured keys; outside Development there must be one, in Development one is made once and kept.</summary>
    public static CredentialKeys Load(CredentialOptions options, bool isDevelopment)
    {
        if (options.SigningKeys.Count > 0)
        {
            var duplicate = options.SigningKeys.GroupBy(k => k.KeyId)
                .FirstOrDefault(g => g.Count() > 1 || string.IsNullOrWhiteSpace(g.Key) || g.Key.Length > MaxKeyIdLength);
            if (duplicate is not null)
            {
                throw new InvalidOperationException(
                    $"{CredentialOptions.SectionName}:SigningKeys need distinct, non-empty KeyIds of at most {MaxKeyIdLength} characters.");
            }

            return new CredentialKeys(options.SigningKeys.Select(k => (k.KeyId, Import(k))).ToList(), options.ActiveKeyId);
        }

        if (!isDevelopment)
        {
            throw new InvalidOperationException(
                $"{CredentialOptions.SectionName}:SigningKeys must hold the program's credential signing key outside Development.");
        }

        var key = DevelopmentKey(options.DevelopmentKeyFile);
        return new CredentialKeys([("development-" + Thumbprint(key)[..12], key)], null);
    }

    /// <summary>
    /// A compact JWS of <paramref name="payload"/> with the header VC-JOSE asks for (<c>typ: vc+jwt</c>) and the
    /// signing key's public part (<c>jwk</c>), which Open Badges asks a JWT proof to carry or point at.
    /// </summary>
    public string Sign(JsonObject payload) =>
        _tokens.CreateToken(payload.ToJsonString(), _signing, new Dictionary<string, object>
        {
            [JwtHeaderParameterNames.Typ] = CredentialMedia.JwtType,
            [JwtHeaderParameterNames.Cty] = "vc",
            [JwtHeaderParameterNames.Jwk] = _signingJwk.ToDictionary(field => field.Key, field => (object)(string)field.Value!),
        });

    private static bool CanSign(ECDsa key)
    {
        try
        {
            key.ExportParameters(includePrivateParameters: true);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static ECDsa Import(CredentialKeyOptions options)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(options.Pem);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException($"Credential key {options.KeyId}: Pem is not a PEM-encoded EC key.", exception);
        }

        if (key.ExportParameters(includePrivateParameters: false).Curve.Oid.Value != P256)
        {
            throw new InvalidOperationException($"Credential key {options.KeyId} must be a P-256 key (ES256).");
        }

        return key;
    }

    /// <summary>
    /// The development key in <paramref name="path"/>, made on first use. Replicas starting together race to write it:
    /// each writes its own file and moves it into place only if none is there, then all read the one that won.
    /// </summary>
    private static ECDsa DevelopmentKey(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var draft = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(draft, fresh.ExportPkcs8PrivateKeyPem(), Encoding.ASCII);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(draft, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            try
            {
                File.Move(draft, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(draft);
            }
        }

        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return key;
    }

    private static string Thumbprint(ECDsa key) =>
        Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(key)).ComputeJwkThumbprint());

    private static JsonObject PublicJwk(string keyId, ECDsa key)
    {
        var point = key.ExportParameters(includePrivateParameters: false).Q;
        return new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Base64UrlEncoder.Encode(point.X),
            ["y"] = Base64UrlEncoder.Encode(point.Y),
            ["kid"] = keyId,
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.EcdsaSha256,
        };
    }
}
