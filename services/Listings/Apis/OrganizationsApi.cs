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

/// <summary><see cref="PublicListings"/> left out keeps the organization's choice (on for a new one).</summary>
public sealed record OrganizationRequest(string? Name, string? Website, string? Description, bool? PublicListings = null);

public sealed record OrganizationDto(Guid Id, string Name, string? Website, string? Description, bool PublicListings, DateTimeOffset CreatedAt);

public static class OrganizationsApi
{
    public static IEndpointRouteBuilder MapOrganizationsApi(this IEndpointRouteBuilder app)
    {
        var organizations = app.MapGroup("/organizations").WithTag("Organizations", "Partner organizations (employers) that post listings.").DescribeProblems();
        organizations.MapPost("/", CreateAsync).WithName("CreateOrganization").WithSummary("Register a partner organization")
            .RequireAuthorization(RoleRules.Coordinators.Policy);
        organizations.MapGet("/", ListAsync).WithName("ListOrganizations").WithSummary("Partner organizations, newest first");
        organizations.MapGet("/{id:guid}", GetAsync).WithName("GetOrganization").WithSummary("One partner organization")
            .Refuses(RuleKind.NotFound, "organization_not_found");
        organizations.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateOrganization").WithSummary("Replace a partner organization's name, website and description, and choose whether visitors see its open listings")
            .RequireAuthorization(RoleRules.Coordinators.Policy)
            .Refuses(RuleKind.NotFound, "organization_not_found");
        return app;
    }

    public static async Task<Created<OrganizationDto>> CreateAsync(OrganizationRequest request, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        Validate(request);
        var organization = new Organization(
            Guid.CreateVersion7(), request.Name!.Trim(), NullIfBlank(request.Website), NullIfBlank(request.Description), clock.GetUtcNow(), request.PublicListings ?? true);
        db.Organizations.Add(organization);
        db.AddIntegrationEvent(new OrganizationCreated(organization.ToSnapshot(), organization.CreatedAt));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/organizations/{organization.Id}", organization.ToDto());
    }

    public static async Task<Ok<Page<OrganizationDto>>> ListAsync(int? limit, string? cursor, ListingsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Organizations.AsNoTracking().ToPageAsync(limit, cursor, o => o.ToDto(), cancellationToken));

    public static async Task<Ok<OrganizationDto>> GetAsync(Guid id, ListingsDbContext db, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw DomainRuleException.NotFound("organization");
        return TypedResults.Ok(organization.ToDto());
    }

    public static async Task<Ok<OrganizationDto>> UpdateAsync(
        Guid id, OrganizationRequest request, ListingsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw DomainRuleException.NotFound("organization");
        Validate(request);
        organization.Edit(request.Name!.Trim(), NullIfBlank(request.Website), NullIfBlank(request.Description), request.PublicListings ?? organization.PublicListings);
        db.AddIntegrationEvent(new OrganizationUpdated(organization.ToSnapshot(), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(organization.ToDto());
    }

    private static void Validate(OrganizationRequest request) =>
        new FieldErrors()
            .Length("name", request.Name, 2, 120)
            .Length("description", request.Description, 1, 2000, required: false)
            .When(request.Website is { Length: > 0 } website && !Addresses.IsWebAddress(website), "website", "website must be an absolute http(s) address.")
            .ThrowIfAny();

    private static OrganizationDto ToDto(this Organization organization) =>
        new(organization.Id, organization.Name, organization.Website, organization.Description, organization.PublicListings, organization.CreatedAt);

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
