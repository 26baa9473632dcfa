namespace MicroInternships.Contracts.Placements;

/// <summary>
/// A credential no longer stands: a coordinator revoked it with <see cref="Reason"/>, or the student's new name choice
/// replaced it (<c>superseded</c>). Its bit in the status list is set.
/// </summary>
public sealed record CredentialRevoked(CredentialSnapshot Credential, string Reason, DateTimeOffset OccurredAt);
