using MicroInternships.Contracts.Listings;
using MicroInternships.Listings.Data;
using MicroInternships.Listings.Domain;
using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MicroInternships.Listings.Apis;

public sealed record DevelopmentMembershipRequest(Guid? OrganizationId, string? Sub, string? Email);

/// <summary>
/// <c>POST /dev/memberships</c>, mapped in Development only and never routed by the gateway: the gateway's
/// <c>/dev/token</c> makes a partner a member of the organization their token names, if they are not already (a removed
/// member stays removed), so the sample partners and test partners act as members.
/// </summary>
public static class DevelopmentMembershipsApi
{
    public static IEndpointRouteBuilder MapDevelopmentMemberships(this IEndpointRouteBuilder app)
    {
        app.MapPost("/dev/memberships", EnsureAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<NoContent, NotFound, BadRequest>> EnsureAsync(
        DevelopmentMembershipRequest request, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request is not { OrganizationId: { } organizationId, Sub: { Length: > 0 and <= Caller.MaxIdLength } subject })
        {
            return TypedResults.BadRequest();
        }

        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        if (await db.Memberships.AnyAsync(m => m.OrganizationId == organizationId && m.Subject == subject, cancellationToken))
        {
            return TypedResults.NoContent();
        }

        var membership = OrganizationMembership.Start(organizationId, subject, request.Email, clock.GetUtcNow());
        db.Memberships.Add(membership);
        db.AddIntegrationEvent(new OrganizationMemberAdded(membership.ToSnapshot(), membership.CreatedAt));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same token asked for twice at once: the other request recorded it.
        }

        return TypedResults.NoContent();
    }
}
