using System.Text.Json;
using MicroInternships.Credentials;
using MicroInternships.Placements.Credentials;
using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Json;
using Microsoft.IdentityModel.Tokens;

namespace MicroInternships.Placements.Apis;

/// <summary>
/// A credential: its compact JWS (<c>application/vc+jwt</c>) and the JSON it signs. Anyone sees whether it was
/// revoked, and that it was replaced (<c>superseded</c>), but not a replaced one's content, which may name the student
/// who since chose not to be named. Whether it names the student and the coordinator's note are for the student and
/// coordinators.
/// </summary>
public sealed record CredentialDto(
    string Id,
    string Url,
    string MediaType,
    string? Jwt,
    JsonElement? Credential,
    bool Revoked,
    DateTimeOffset IssuedAt,
    DateTimeOffset? RevokedAt,
    RevocationReason? RevocationReason,
    bool? IncludesName,
    string? RevocationNote);

/// <summary>The body of <c>PUT /api/placements/{id}/credential</c>.</summary>
public sealed record CredentialChoiceRequest(bool? IncludeName);

/// <summary>
/// The body of <c>POST /api/credentials/{id}/revoke</c>: <c>issued_in_error</c>, <c>misconduct</c>,
/// <c>student_request</c> or <c>other</c>, and a note for the student (required with <c>other</c>).
/// </summary>
public sealed record RevocationRequest(string? Reason, string? Note)
{
    public const int MaxNoteLength = 500;

    public (RevocationReason Reason, string? Note) Validate()
    {
        var note = Note?.Trim();
        var known = WireName.TryParse<RevocationReason>(Reason, out var reason) && reason != Domain.RevocationReason.Superseded;
        new FieldErrors()
            .When(!known, "reason", "reason must be one of: issued_in_error, misconduct, student_request, other.")
            .Length("note", note, 1, MaxNoteLength, required: known && reason == Domain.RevocationReason.Other)
            .ThrowIfAny();
        return (reason, string.IsNullOrEmpty(note) ? null : note);
    }
}

/// <summary>A competency the partner endorsed: its wire name, its name as NACE writes it, and the partner's sentence.</summary>
public sealed record EndorsementDto(Competency Competency, string Name, string Evidence);

public static class CredentialMapping
{
    public static CredentialDto ToDto(this Credential credential, CredentialUrls urls, bool privateView)
    {
        var shown = privateView || credential.RevocationReason != RevocationReason.Superseded;
        return new CredentialDto(
            credential.Id,
            urls.Credential(credential.Id).ToString(),
            CredentialMedia.Jwt,
            shown ? credential.Jwt : null,
            shown ? Payload(credential.Jwt) : null,
            credential.IsRevoked,
            credential.IssuedAt,
            credential.RevokedAt,
            credential.RevocationReason,
            privateView ? credential.IncludesName : null,
            privateView ? credential.RevocationNote : null);
    }

    public static IReadOnlyList<EndorsementDto> ToDtos(this IReadOnlyList<Endorsement> endorsements) =>
        endorsements.Select(e => new EndorsementDto(e.Competency, e.Competency.Title(), e.Evidence)).ToList();

    private static JsonElement Payload(string jwt)
    {
        var payload = jwt.Split('.')[1];
        using var document = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(payload));
        return document.RootElement.Clone();
    }
}
