using MicroInternships.Contracts.Listings;
using MicroInternships.Listings.Data;
using MicroInternships.Listings.Domain;
using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Listings.Apis;

public sealed record InvitationRequest(string? Email);

public sealed record InvitationAcceptance(string? Token);

/// <summary>An invitation as coordinators see it; <see cref="Token"/> only in the answer that created it, the one time it exists outside the invitee's link.</summary>
public sealed record InvitationDto(
    Guid Id, Guid OrganizationId, string Email, InvitationStatus Status, string InvitedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? AnsweredAt, string? AcceptedBy, string? Token);

public sealed record AcceptedInvitation(Guid OrganizationId, string OrganizationName);

/// <summary>Coordinators invite people to act for an organization; the invited person accepts with the link's token, signed in as themselves.</summary>
public static class InvitationsApi
{
    public static IEndpointRouteBuilder MapInvitationsApi(this IEndpointRouteBuilder app)
    {
        const string tag = "Invitations";
        const string about = "Coordinators invite people to act for a partner organization; the invited person accepts, signed in with the invited email.";
        app.MapPost("/organizations/{id:guid}/invitations", SendAsync).WithTag(tag, about).DescribeProblems().WithName("InviteMember")
            .WithSummary("Invite someone, by email, to act for the organization: the answer carries the link's token, once")
            .RequireAuthorization(RoleRules.Coordinators.Policy)
            .Refuses(RuleKind.NotFound, "organization_not_found");
        app.MapGet("/organizations/{id:guid}/invitations", ListAsync).WithTag(tag, about).DescribeProblems().WithName("ListInvitations")
            .WithSummary("The organization's invitations, newest first")
            .RequireAuthorization(RoleRules.Coordinators.Policy)
            .Refuses(RuleKind.NotFound, "organization_not_found");
        var invitations = app.MapGroup("/invitations").WithTag(tag, about).DescribeProblems();
        invitations.MapPost("/{id:guid}/revoke", RevokeAsync).WithName("RevokeInvitation").WithSummary("Withdraw a pending invitation")
            .RequireAuthorization(RoleRules.Coordinators.Policy)
            .Refuses(RuleKind.NotFound, "invitation_not_found")
            .Refuses(RuleKind.Conflict, "invitation_used", "invitation_revoked", "invitation_expired");
        invitations.MapPost("/accept", AcceptAsync).WithName("AcceptInvitation")
            .WithSummary("Accept an invitation with its link's token, signed in with the email it was sent to: you become a member")
            .Refuses(RuleKind.NotFound, "invitation_not_found")
            .Refuses(RuleKind.Forbidden, "email_not_verified", "invitation_email_mismatch")
            .Refuses(RuleKind.Conflict, "invitation_used", "invitation_revoked", "invitation_expired");
        return app;
    }

    public static async Task<Created<InvitationDto>> SendAsync(
        Guid id, InvitationRequest request, Caller caller, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        new FieldErrors().When(!Addresses.IsEmail(request.Email), "email", "email must be one email address.").ThrowIfAny();
        await db.RequireOrganizationAsync(id, cancellationToken);

        var (invitation, token) = Invitation.Send(id, request.Email!, caller.Id, clock.GetUtcNow());
        db.Invitations.Add(invitation);
        db.AddIntegrationEvent(new InvitationSent(invitation.ToSnapshot(), invitation.CreatedAt));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/organizations/{id}/invitations", ToDto(invitation, invitation.CreatedAt, token));
    }

    public static async Task<Ok<Page<InvitationDto>>> ListAsync(
        Guid id, int? limit, string? cursor, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await db.RequireOrganizationAsync(id, cancellationToken);

        var now = clock.GetUtcNow();
        return TypedResults.Ok(await db.Invitations.AsNoTracking().Where(i => i.OrganizationId == id)
            .ToPageAsync(limit, cursor, invitation => ToDto(invitation, now, token: null), cancellationToken));
    }

    public static async Task<Ok<InvitationDto>> RevokeAsync(Guid id, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == id, cancellationToken) ?? throw DomainRuleException.NotFound("invitation");
        var now = clock.GetUtcNow();
        invitation.Revoke(now);
        db.AddIntegrationEvent(new InvitationRevoked(invitation.ToSnapshot(), now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToDto(invitation, now, token: null));
    }

    /// <summary>
    /// Any signed-in person may present a token; it is found by its hash (a token we did not make, or one altered, finds
    /// nothing: 404), and it makes them a member only if their provider vouches for the invited email.
    /// </summary>
    public static async Task<Ok<AcceptedInvitation>> AcceptAsync(
        InvitationAcceptance request, Caller caller, HttpContext http, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        new FieldErrors().Length("token", request.Token, 20, 100).ThrowIfAny();
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.TokenHash == LinkTokens.HashOf(request.Token!), cancellationToken)
            ?? throw DomainRuleException.NotFound("invitation");
        var now = clock.GetUtcNow();
        invitation.Accept(caller.Id, VerifiedEmailOf(http), now);
        db.AddIntegrationEvent(new InvitationAccepted(invitation.ToSnapshot(), now));

        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.OrganizationId == invitation.OrganizationId && m.Subject == caller.Id, cancellationToken);
        if (membership is null)
        {
            membership = OrganizationMembership.Start(invitation.OrganizationId, caller.Id, invitation.Email, now);
            db.Memberships.Add(membership);
            db.AddIntegrationEvent(new OrganizationMemberAdded(membership.ToSnapshot(), now));
        }
        else if (membership.Status == MembershipStatus.Removed)
        {
            membership.Rejoin(invitation.Email);
            db.AddIntegrationEvent(new OrganizationMemberAdded(membership.ToSnapshot(), now));
        }

        await db.SaveChangesAsync(cancellationToken);
        var organization = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == invitation.OrganizationId, cancellationToken);
        return TypedResults.Ok(new AcceptedInvitation(organization.Id, organization.Name));
    }

    /// <summary>The token's email when its <c>email_verified</c> claim is true; otherwise none.</summary>
    private static string? VerifiedEmailOf(HttpContext http) =>
        string.Equals(http.User.FindFirst(ClaimNames.EmailVerified)?.Value, "true", StringComparison.OrdinalIgnoreCase)
            ? http.User.FindFirst(ClaimNames.Email)?.Value
            : null;

    private static InvitationDto ToDto(Invitation invitation, DateTimeOffset now, string? token) => new(
        invitation.Id, invitation.OrganizationId, invitation.Email, invitation.StatusAt(now), invitation.InvitedBy, invitation.CreatedAt, invitation.ExpiresAt,
        invitation.AnsweredAt, invitation.AcceptedBy, token);
}
