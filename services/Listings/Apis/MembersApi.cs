using MicroInternships.Contracts.Listings;
using MicroInternships.Listings.Data;
using MicroInternships.Listings.Domain;
using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Json;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Listings.Apis;

public sealed record MemberDto(Guid OrganizationId, string Sub, string? Email, MembershipStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? RemovedAt);

/// <summary>Who may act for a partner organization: coordinators list its members and remove those who left.</summary>
public static class MembersApi
{
    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/organizations/{id:guid}/members")
            .WithTag("Organizations", "Partner organizations (employers) that post listings.")
            .RequireAuthorization(RoleRules.Coordinators.Policy)
            .DescribeProblems();
        members.MapGet("/", ListAsync).WithName("ListOrganizationMembers").WithSummary("The organization's members, newest first; ?status=active|removed")
            .Refuses(RuleKind.NotFound, "organization_not_found");
        members.MapDelete("/{sub}", RemoveAsync).WithName("RemoveOrganizationMember")
            .WithSummary("Remove someone who left: their next call as the organization's partner is 403 in every service")
            .Refuses(RuleKind.NotFound, "organization_not_found", "member_not_found");
        return app;
    }

    public static async Task<Ok<Page<MemberDto>>> ListAsync(
        Guid id, string? status, int? limit, string? cursor, ListingsDbContext db, CancellationToken cancellationToken)
    {
        var filter = MembershipStatus.Active;
        new FieldErrors().When(status is not null && !WireName.TryParse(status, out filter), "status", "status must be active or removed.").ThrowIfAny();
        await db.RequireOrganizationAsync(id, cancellationToken);

        var members = db.Memberships.AsNoTracking().Where(m => m.OrganizationId == id);
        if (status is not null)
        {
            members = members.Where(m => m.Status == filter);
        }

        return TypedResults.Ok(await members.ToPageAsync(limit, cursor, ToDto, cancellationToken));
    }

    /// <summary>Idempotent: removing someone already removed answers 204 again and announces nothing.</summary>
    public static async Task<NoContent> RemoveAsync(Guid id, string sub, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.FirstOrDefaultAsync(m => m.OrganizationId == id && m.Subject == sub, cancellationToken);
        if (membership is null)
        {
            throw await db.Organizations.AnyAsync(o => o.Id == id, cancellationToken)
                ? DomainRuleException.NotFound("member")
                : DomainRuleException.NotFound("organization");
        }

        var now = clock.GetUtcNow();
        if (membership.Remove(now))
        {
            db.AddIntegrationEvent(new OrganizationMemberRemoved(membership.ToSnapshot(), now));
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }

    private static MemberDto ToDto(OrganizationMembership membership) =>
        new(membership.OrganizationId, membership.Subject, membership.Email, membership.Status, membership.CreatedAt, membership.RemovedAt);
}
