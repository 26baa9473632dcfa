using System.Text.Json.Nodes;
using MicroInternships.Credentials;
using MicroInternships.Placements.Credentials;
using MicroInternships.Placements.Data;
using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Placements.Apis;

/// <summary>
/// Open Badges 3.0 credentials of completed placements (docs/credentials.md): the student's by placement, anyone's by
/// the credential's own id, the revocation status lists and the program's public keys, which need no token.
/// </summary>
public static class CredentialsApi
{
    public const string Resource = "credential";

    public static RouteGroupBuilder MapPlacementCredentialApi(this RouteGroupBuilder placements)
    {
        placements.MapGet("/{id:guid}/credential", GetForPlacementAsync).WithName("GetPlacementCredential")
            .WithSummary("The student's signed Open Badges credential for a completed placement")
            .Refuses(RoleRules.ThePlacementStudent)
            .Refuses(RuleKind.NotFound, "placement_not_found")
            .Refuses(RuleKind.Conflict, "placement_not_completed");
        placements.MapPut("/{id:guid}/credential", ChooseAsync).WithName("ChooseCredentialName")
            .WithSummary("The student chooses whether the credential names them; a change issues a new one and revokes the old as superseded")
            .Refuses(RoleRules.ThePlacementStudent)
            .Refuses(RuleKind.NotFound, "placement_not_found")
            .Refuses(RuleKind.Conflict, "placement_not_completed", "credential_revoked");
        return placements;
    }

    public static IEndpointRouteBuilder MapCredentialsApi(this IEndpointRouteBuilder app)
    {
        var credentials = app.MapGroup("/credentials")
            .WithTag("Credentials", "Verifiable credentials of completed placements, their revocation and its status lists.").DescribeProblems();
        credentials.MapGet("/{credentialId}", GetAsync).WithName("GetCredential").AllowAnonymous()
            .WithSummary("A credential by its id, for anyone who was given its link; no token needed")
            .Refuses(RuleKind.NotFound, "credential_not_found");
        credentials.MapPost("/{credentialId}/revoke", RevokeAsync).WithName("RevokeCredential")
            .WithSummary("A coordinator revokes a credential with a reason and a note: its status bit is set and the student is told")
            .RequireAuthorization(RoleRules.Coordinators.Policy)
            .Refuses(RuleKind.NotFound, "credential_not_found")
            .Refuses(RuleKind.Conflict, "credential_revoked");
        credentials.MapGet("/status/{list:int}", StatusListAsync).WithName("GetCredentialStatusList").AllowAnonymous()
            .Produces<string>(StatusCodes.Status200OK, CredentialMedia.Jwt)
            .WithSummary("A W3C Bitstring Status List of revocations, itself a signed credential; no token needed")
            .Refuses(RuleKind.NotFound, "status_list_not_found");
        return app;
    }

    /// <summary>The program's public credential keys, at the root where verifiers look for them.</summary>
    public static IEndpointRouteBuilder MapCredentialKeys(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/jwks.json", (CredentialKeys keys, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=300";
            return TypedResults.Json(new JsonObject { ["keys"] = new JsonArray(keys.PublicKeys.Select(k => (JsonNode)k.DeepClone()).ToArray()) });
        }).WithName("GetCredentialKeys").WithTags("Credentials").AllowAnonymous()
            .WithSummary("The public keys (JWKS) credentials are signed with, by kid; no token needed");
        return app;
    }

    public static async Task<Ok<CredentialDto>> GetForPlacementAsync(
        Guid id, Caller caller, PlacementsDbContext db, CredentialIssuance issuance, CredentialUrls urls, TimeProvider clock, CancellationToken cancellationToken)
    {
        var placement = await PlacementsApi.FindAsync(id, caller, db, cancellationToken);
        caller.Require(RoleRules.ThePlacementStudent);
        RequireCompleted(placement);
        var credential = placement.CredentialId is { } credentialId
            ? await db.Credentials.AsNoTracking().FirstAsync(c => c.Id == credentialId, cancellationToken)
            : await IssueMissingAsync(id, caller, db, issuance, clock, cancellationToken);
        return TypedResults.Ok(credential.ToDto(urls, privateView: true));
    }

    public static async Task<Ok<CredentialDto>> ChooseAsync(
        Guid id, CredentialChoiceRequest request, Caller caller, PlacementsDbContext db, CredentialIssuance issuance, CredentialUrls urls, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var credential = await db.InTransactionAsync(async ct =>
        {
            var placement = await PlacementsApi.FindLockedAsync(id, caller, db, ct);
            caller.Require(RoleRules.ThePlacementStudent);
            new FieldErrors().When(request.IncludeName is null, "includeName", "includeName is required (true or false).").ThrowIfAny();
            RequireCompleted(placement);
            var now = clock.GetUtcNow();
            if (placement.CredentialId is not { } currentId)
            {
                return await issuance.IssueAsync(placement, request.IncludeName!.Value, now, ct);
            }

            var current = await db.Credentials.FirstAsync(c => c.Id == currentId, ct);
            if (current.IsRevoked)
            {
                throw DomainRuleException.Conflict("credential_revoked", "This placement's credential was revoked by the program; it cannot be reissued.");
            }

            return current.IncludesName == request.IncludeName
                ? current
                : await issuance.ReissueAsync(placement, current, request.IncludeName!.Value, now, ct);
        }, cancellationToken);
        return TypedResults.Ok(credential.ToDto(urls, privateView: true));
    }

    public static async Task<Ok<CredentialDto>> GetAsync(string credentialId, PlacementsDbContext db, CredentialUrls urls, CancellationToken cancellationToken)
    {
        var credential = await FindAsync(credentialId, db.Credentials.AsNoTracking(), cancellationToken);
        return TypedResults.Ok(credential.ToDto(urls, privateView: false));
    }

    public static async Task<Ok<CredentialDto>> RevokeAsync(
        string credentialId, RevocationRequest request, PlacementsDbContext db, CredentialIssuance issuance, CredentialUrls urls, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (reason, note) = request.Validate();
        var credential = await db.InTransactionAsync(async ct =>
        {
            // The placement's row first, as a name choice takes it, so a revocation and a reissue queue one behind the other.
            await db.LockRowAsync<Placement>((await FindAsync(credentialId, db.Credentials.AsNoTracking(), ct)).PlacementId, ct);
            var credential = await FindAsync(credentialId, db.Credentials, ct);
            issuance.Revoke(credential, reason, note, clock.GetUtcNow());
            return credential;
        }, cancellationToken);
        return TypedResults.Ok(credential.ToDto(urls, privateView: true));
    }

    public static async Task<IResult> StatusListAsync(
        int list, PlacementsDbContext db, CredentialKeys keys, CredentialUrls urls, IOptions<CredentialOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (first, last) = list >= 1 ? StatusListBits.Indexes(list) : (-1, -1);
        var issued = list >= 1 && await db.Credentials.AnyAsync(c => c.StatusIndex >= first && c.StatusIndex <= last, cancellationToken);
        if (!issued)
        {
            throw DomainRuleException.NotFound("status_list");
        }

        var revoked = await db.Credentials
            .Where(c => c.RevokedAt != null && c.StatusIndex >= first && c.StatusIndex <= last)
            .Select(c => (int)(c.StatusIndex - first))
            .ToListAsync(cancellationToken);
        var jwt = keys.Sign(StatusLists.Credential(list, revoked, options.Value.Issuer, urls, clock.GetUtcNow()));
        return Results.Text(jwt, CredentialMedia.Jwt);
    }

    /// <summary>A credential older than its placement's completion endpoint (completed before credentials existed) is issued on first ask.</summary>
    private static Task<Credential> IssueMissingAsync(
        Guid id, Caller caller, PlacementsDbContext db, CredentialIssuance issuance, TimeProvider clock, CancellationToken cancellationToken) =>
        db.InTransactionAsync(async ct =>
        {
            var placement = await PlacementsApi.FindLockedAsync(id, caller, db, ct);
            return placement.CredentialId is { } issuedMeanwhile
                ? await db.Credentials.FirstAsync(c => c.Id == issuedMeanwhile, ct)
                : await issuance.IssueAsync(placement, includesName: true, clock.GetUtcNow(), ct);
        }, cancellationToken);

    private static void RequireCompleted(Placement placement)
    {
        if (placement.Status != PlacementStatus.Completed)
        {
            throw DomainRuleException.Conflict("placement_not_completed", "A credential exists once the placement is completed.");
        }
    }

    private static async Task<Credential> FindAsync(string credentialId, IQueryable<Credential> credentials, CancellationToken cancellationToken) =>
        (CredentialIds.IsWellFormed(credentialId) ? await credentials.FirstOrDefaultAsync(c => c.Id == credentialId, cancellationToken) : null)
        ?? throw DomainRuleException.NotFound(Resource);
}
