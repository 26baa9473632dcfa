namespace MicroInternships.Contracts.Placements;

/// <summary>A completed placement's credential was signed: on completion, or again when the student changed whether it names them.</summary>
public sealed record CredentialIssued(CredentialSnapshot Credential, DateTimeOffset OccurredAt);
