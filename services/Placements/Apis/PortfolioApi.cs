using MicroInternships.Contracts.Placements;
using MicroInternships.Messaging.Outbox;
using MicroInternships.Placements.Credentials;
using MicroInternships.Placements.Data;
using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Data;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MicroInternships.Placements.Apis;

/// <summary>The student's portfolio as they edit it.</summary>
public sealed record PortfolioDto(string Slug, string Headline, bool Published, string Url, long Version);

/// <summary>The body of <c>PUT /api/portfolio</c>.</summary>
public sealed record PortfolioRequest(string? Slug, string? Headline, bool? Published);

/// <summary>A published portfolio as anyone sees it: the headline and the credentials, nothing else about the student.</summary>
public sealed record PublicPortfolioDto(string Slug, string Headline, IReadOnlyList<PortfolioCredentialDto> Credentials);

public sealed record PortfolioCredentialDto(
    string CredentialId, string Url, string Title, string OrganizationName, decimal Hours, DateTimeOffset CompletedAt, IReadOnlyList<EndorsementDto> Competencies);

/// <summary>
/// A student's public portfolio: off until they publish it, then at <c>/api/portfolios/{slug}</c> for anyone, listing
/// their unrevoked credentials. Unpublishing hides it at once; a slug once used is never given to another student.
/// </summary>
public static class PortfolioApi
{
    public const string Resource = "portfolio";

    public static IEndpointRouteBuilder MapPortfolioApi(this IEndpointRouteBuilder app)
    {
        var own = app.MapGroup("/portfolio").WithTag("Portfolios", "A student's public page of verified credentials.").DescribeProblems()
            .RequireAuthorization(RoleRules.Students.Policy);
        own.MapGet("/", GetAsync).WithName("GetPortfolio").WithSummary("The student's portfolio settings")
            .Refuses(RuleKind.NotFound, "portfolio_not_found");
        own.MapPut("/", PutAsync).WithName("PutPortfolio").WithSummary("Set the portfolio's address and headline, and publish or unpublish it")
            .Refuses(RuleKind.Conflict, "slug_taken");

        app.MapGroup("/portfolios").WithTag("Portfolios", "A student's public page of verified credentials.").DescribeProblems()
            .MapGet("/{slug}", GetPublishedAsync).WithName("GetPublishedPortfolio").AllowAnonymous()
            .WithSummary("A published portfolio; no token needed")
            .Refuses(RuleKind.NotFound, "portfolio_not_found");
        return app;
    }

    public static async Task<Ok<PortfolioDto>> GetAsync(Caller caller, PlacementsDbContext db, CredentialUrls urls, CancellationToken cancellationToken)
    {
        var portfolio = await db.Portfolios.AsNoTracking().FirstOrDefaultAsync(p => p.StudentId == caller.Id, cancellationToken)
            ?? throw DomainRuleException.NotFound(Resource);
        return TypedResults.Ok(portfolio.ToDto(urls));
    }

    public static async Task<Ok<PortfolioDto>> PutAsync(
        PortfolioRequest request, Caller caller, PlacementsDbContext db, CredentialUrls urls, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (slug, headline, published) = request.Validate();
        try
        {
            var portfolio = await db.InTransactionAsync(async ct =>
            {
                var owner = await db.PortfolioSlugs.Where(s => s.Slug == slug).Select(s => s.StudentId).FirstOrDefaultAsync(ct);
                if (owner is null)
                {
                    db.PortfolioSlugs.Add(PortfolioSlug.Reserve(slug, caller.Id));
                }
                else if (owner != caller.Id)
                {
                    throw SlugTaken();
                }

                var portfolio = await db.Portfolios.FirstOrDefaultAsync(p => p.StudentId == caller.Id, ct);
                if (portfolio is null)
                {
                    portfolio = Portfolio.Start(caller.Id);
                    db.Portfolios.Add(portfolio);
                }

                var now = clock.GetUtcNow();
                if (portfolio.Change(slug, headline, published, now))
                {
                    db.AddIntegrationEvent(new PortfolioChanged(portfolio.ToSnapshot(), now));
                }

                return portfolio;
            }, cancellationToken);
            return TypedResults.Ok(portfolio.ToDto(urls));
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another student reserved the slug between this request's look and its write.
            throw SlugTaken();
        }
    }

    public static async Task<Ok<PublicPortfolioDto>> GetPublishedAsync(string slug, PlacementsDbContext db, CredentialUrls urls, CancellationToken cancellationToken)
    {
        var portfolio = await db.Portfolios.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug && p.Published, cancellationToken)
            ?? throw DomainRuleException.NotFound(Resource);
        var credentials = await db.Credentials.AsNoTracking()
            .Where(c => c.StudentId == portfolio.StudentId && c.RevokedAt == null)
            .Join(db.Placements, c => c.PlacementId, p => p.Id, (c, p) => new { c.Id, p.ListingTitle, p.OrganizationName, p.LoggedHours, p.CompletedAt, p.Endorsements })
            .OrderByDescending(c => c.CompletedAt)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PublicPortfolioDto(portfolio.Slug, portfolio.Headline, credentials
            .Select(c => new PortfolioCredentialDto(
                c.Id, urls.Credential(c.Id).ToString(), c.ListingTitle, c.OrganizationName, c.LoggedHours, c.CompletedAt!.Value, c.Endorsements.ToDtos()))
            .ToList()));
    }

    private static DomainRuleException SlugTaken() => DomainRuleException.Conflict("slug_taken", "Another student's portfolio uses this address; choose another.");

    private static PortfolioDto ToDto(this Portfolio portfolio, CredentialUrls urls) =>
        new(portfolio.Slug, portfolio.Headline, portfolio.Published, urls.Portfolio(portfolio.Slug).ToString(), portfolio.Version);

    private static (string Slug, string Headline, bool Published) Validate(this PortfolioRequest request)
    {
        var slug = request.Slug?.Trim() ?? "";
        var headline = request.Headline?.Trim() ?? "";
        new FieldErrors()
            .When(!PortfolioSlugs.IsValid(slug), "slug",
                $"slug must be {PortfolioSlugs.MinLength} to {PortfolioSlugs.MaxLength} lowercase letters and digits, words joined by single hyphens.")
            .Length("headline", headline, 0, PortfolioSlugs.MaxHeadlineLength, required: false)
            .When(request.Published is null, "published", "published is required (true or false).")
            .ThrowIfAny();
        return (slug, headline, request.Published!.Value);
    }
}
