using MicroInternships.Credentials;

namespace MicroInternships.Web.Credentials;

/// <summary>What the site found checking a credential: each check a verifier makes, and what the credential says.</summary>
public sealed record CredentialReport(
    SignatureCheck Signature,
    StatusCheck Status,
    bool InForce,
    string? ValidityProblem,
    CredentialSummary? Summary)
{
    public bool Verified => Signature.Valid && InForce && Status == StatusCheck.NotRevoked;

    public bool Revoked => Signature.Valid && Status == StatusCheck.Revoked;
}

public enum StatusCheck
{
    NotRevoked,
    Revoked,
    Unknown,
}

/// <summary>The parts of an Open Badges credential a person reads.</summary>
public sealed record CredentialSummary(
    string? Id,
    string? Name,
    string? Achievement,
    string? Description,
    string? Organization,
    string? IssuerName,
    string? StudentName,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil,
    DateTimeOffset? AwardedAt,
    string? Narrative,
    IReadOnlyList<EndorsedCompetency> Competencies);

public sealed record EndorsedCompetency(string Name, string? Evidence);
