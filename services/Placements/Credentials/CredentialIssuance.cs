using MicroInternships.Contracts.Placements;
using MicroInternships.Credentials;
using MicroInternships.Messaging.Outbox;
using MicroInternships.Placements.Data;
using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Placements.Credentials;

/// <summary>
/// Issues, replaces and revokes a completed placement's credential, with its events, in the caller's transaction: a
/// credential is signed in the same commit that completes the placement, so a completion never lacks one.
/// </summary>
public sealed class CredentialIssuance(PlacementsDbContext db, CredentialKeys keys, CredentialUrls urls, IOptions<CredentialOptions> options)
{
    public async Task<Credential> IssueAsync(Placement placement, bool includesName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var courseCode = placement.CourseId is { } courseId
            ? await db.CourseLinks.AsNoTracking()
                .Where(l => l.CourseId == courseId && l.ListingId == placement.ListingId && l.Linked)
                .Select(l => l.CourseCode)
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        var statusIndex = StatusListBits.Scatter(await db.NextCredentialStatusIndexAsync(cancellationToken));
        var id = Credential.NewId();
        var document = OpenBadge.Describe(new CredentialFacts(id, placement, includesName, courseCode, statusIndex, now), options.Value.Issuer, urls);
        var credential = Credential.Issue(id, placement, includesName, statusIndex, new SignedCredential(keys.Sign(document), keys.ActiveKeyId), now);
        db.Credentials.Add(credential);
        placement.UseCredential(credential);
        db.AddIntegrationEvent(new CredentialIssued(credential.ToSnapshot(), now));
        return credential;
    }

    /// <summary>The student changed whether the credential names them: a new one says it, the old one is revoked as superseded.</summary>
    public async Task<Credential> ReissueAsync(Placement placement, Credential current, bool includesName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Revoke(current, RevocationReason.Superseded, note: null, now);
        return await IssueAsync(placement, includesName, now, cancellationToken);
    }

    public void Revoke(Credential credential, RevocationReason reason, string? note, DateTimeOffset now)
    {
        credential.Revoke(reason, note, now);
        db.AddIntegrationEvent(new CredentialRevoked(credential.ToSnapshot(), WireName.Of(reason), now));
    }
}
