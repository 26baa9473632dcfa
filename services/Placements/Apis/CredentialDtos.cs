using System.Text.Json;
using MicroInternships.Credentials;
using MicroInternships.Placements.Credentials;
using MicroInternships.Placements.Domain;
using Microsoft.IdentityModel.Tokens;

namespace MicroInternships.Placements.Apis;

/// <summary>
/// A credential: its compact JWS (<c>application/vc+jwt</c>) and the JSON it signs. Why it was revoked and whether it
/// names the student are the student's and coordinators' to see; anyone sees that it was revoked.
/// </summary>
public sealed record CredentialDto(
    string Id,
    string Url,
    string MediaType,
    string Jwt,
    JsonElement Credential,
    bool Revoked,
    DateTimeOffset IssuedAt,
    DateTimeOffset? RevokedAt,
    bool? IncludesName,
    string? RevocationReason);

/// <summary>The body of <c>PUT /api/placements/{id}/credential</c>.</summary>
public sealed record CredentialChoiceRequest(bool? IncludeName);

/// <summary>The body of <c>POST /api/credentials/{id}/revoke</c>.</summary>
public sealed record RevocationRequest(string? Reason);

/// <summary>A competency the partner endorsed: its wire name, its name as NACE writes it, and the partner's sentence.</summary>
public sealed record EndorsementDto(Competency Competency, string Name, string Evidence);

public static class CredentialMapping
{
    public static CredentialDto ToDto(this Credential credential, CredentialUrls urls, bool privateView) => new(
        credential.Id,
        urls.Credential(credential.Id).ToString(),
        CredentialMedia.Jwt,
        credential.Jwt,
        Payload(credential.Jwt),
        credential.IsRevoked,
        credential.IssuedAt,
        credential.RevokedAt,
        privateView ? credential.IncludesName : null,
        privateView ? credential.RevocationReason : null);

    public static IReadOnlyList<EndorsementDto> ToDtos(this IReadOnlyList<Endorsement> endorsements) =>
        endorsements.Select(e => new EndorsementDto(e.Competency, e.Competency.Title(), e.Evidence)).ToList();

    private static JsonElement Payload(string jwt)
    {
        var payload = jwt.Split('.')[1];
        using var document = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(payload));
        return document.RootElement.Clone();
    }
}
