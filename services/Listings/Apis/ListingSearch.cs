using System.Globalization;
using System.Linq.Expressions;
using MicroInternships.Listings.Data;
using MicroInternships.Listings.Domain;
using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using NpgsqlTypes;

namespace MicroInternships.Listings.Apis;

/// <summary>
/// Search runs in PostgreSQL: a stored, weighted <c>tsvector</c> with a GIN index answers <c>q</c> (ranked by
/// <c>ts_rank</c>, then newest id), b-tree and GIN indexes serve the filters, and pages are keyset cursors over the
/// sort key, so page 500 costs what page 1 does.
/// </summary>
public static class ListingSearch
{
    private const string TextSearchConfig = "english";

    public static async Task<Ok<Page<ListingDto>>> SearchAsync(
        [AsParameters] ListingSearchQuery query, Caller caller, ListingsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await PageAsync(db, Filter(db.Listings.AsNoTracking(), query, caller), query.Q, query.Limit, query.Cursor, ListingMapping.Projection, cancellationToken));

    /// <summary>The public site's search: open listings of organizations that show theirs to visitors, public fields only.</summary>
    public static async Task<Ok<Page<PublicListingDto>>> SearchPublicAsync(
        [AsParameters] PublicListingSearchQuery query, ListingsDbContext db, CancellationToken cancellationToken)
    {
        var signedInQuery = new ListingSearchQuery(
            query.Q, query.Skills, query.Discipline, query.MinHours, query.MaxHours, query.WorkMode, OrganizationId: null, Status: null, query.Limit, query.Cursor);
        var listings = Filter(db.Listings.AsNoTracking(), signedInQuery, caller: null).Where(l => l.Organization.PublicListings);
        return TypedResults.Ok(await PageAsync(db, listings, query.Q, query.Limit, query.Cursor, PublicListingMapping.Projection, cancellationToken));
    }

    /// <summary>One page of <paramref name="listings"/>: newest first, or ranked by <paramref name="words"/> when there are any.</summary>
    private static async Task<Page<T>> PageAsync<T>(
        ListingsDbContext db, IQueryable<Listing> listings, string? words, int? limit, string? cursor, Expression<Func<Listing, T>> projection, CancellationToken cancellationToken)
        where T : ICreatedInOrder
    {
        if (string.IsNullOrWhiteSpace(words))
        {
            return await listings.ToProjectedPageAsync(limit, cursor, projection, cancellationToken);
        }

        var take = PageRequest.Limit(limit);
        // The words go into the SQL as a literal (escaped by EF Core), so PostgreSQL parses them into a tsquery once
        // while planning. As a parameter, a statement Npgsql has prepared may get a generic plan, which parses the
        // words again for every matching row it ranks: a third of the time of the commonest searches.
        var text = words.Trim();
        Expression<Func<Listing, float>> rankOf = l =>
            EF.Property<NpgsqlTsVector>(l, ListingSearchColumns.RankVector).Rank(EF.Functions.WebSearchToTsQuery(TextSearchConfig, EF.Constant(text)));
        var ranked = listings
            .Where(l => EF.Property<NpgsqlTsVector>(l, ListingSearchColumns.SearchVector).Matches(EF.Functions.WebSearchToTsQuery(TextSearchConfig, EF.Constant(text))))
            .Select(Ranked(rankOf, l => l.Id));
        if (DecodeRanked(cursor) is var (rank, after))
        {
            ranked = ranked.Where(r => r.Rank < rank || (r.Rank == rank && r.Value.CompareTo(after) < 0));
        }

        // One round trip: the page's ids by rank, then those listings as the API shows them (never their large
        // search vectors), their rank computed again for just these rows.
        var pageIds = ranked.OrderByDescending(r => r.Rank).ThenByDescending(r => r.Value).Take(take + 1).Select(r => r.Value);
        var page = await db.Listings.AsNoTracking()
            .Where(l => pageIds.Contains(l.Id))
            .OrderByDescending(rankOf).ThenByDescending(l => l.Id)
            .Select(Ranked(rankOf, projection))
            .ToListAsync(cancellationToken);
        var nextCursor = page.Count > take
            ? PageRequest.Encode(page[take - 1].Rank.ToString("R", CultureInfo.InvariantCulture), page[take - 1].Value.Id.ToString())
            : null;
        return new Page<T>(page.Take(take).Select(r => r.Value).ToList(), nextCursor);
    }

    /// <summary><c>listing => new RankedRow { Rank = rankOf(listing), Value = select(listing) }</c>, one expression for EF Core.</summary>
    private static Expression<Func<Listing, RankedRow<T>>> Ranked<T>(Expression<Func<Listing, float>> rankOf, Expression<Func<Listing, T>> select)
    {
        var listing = select.Parameters[0];
        var rank = ReplacingExpressionVisitor.Replace(rankOf.Parameters[0], listing, rankOf.Body);
        return Expression.Lambda<Func<Listing, RankedRow<T>>>(
            Expression.MemberInit(
                Expression.New(typeof(RankedRow<T>)),
                Expression.Bind(typeof(RankedRow<T>).GetProperty(nameof(RankedRow<T>.Rank))!, rank),
                Expression.Bind(typeof(RankedRow<T>).GetProperty(nameof(RankedRow<T>.Value))!, select.Body)),
            listing);
    }

    /// <summary>Settable properties, not a positional record: EF Core follows member bindings through later operators.</summary>
    private sealed class RankedRow<T>
    {
        public float Rank { get; init; }

        public required T Value { get; init; }
    }

    private static IQueryable<Listing> Filter(IQueryable<Listing> listings, ListingSearchQuery query, Caller? caller)
    {
        var errors = new FieldErrors();
        var status = ListingStatus.Open;
        errors.When(query.Status is not null && !WireName.TryParse(query.Status, out status), "status", "status must be draft, open, closed, filled or cancelled.");
        var workMode = WorkMode.Remote;
        errors.When(query.WorkMode is not null && !WireName.TryParse(query.WorkMode, out workMode), "workMode", "workMode must be remote, onsite or hybrid.");
        errors.When(query.MinHours is < 0, "minHours", "minHours cannot be negative.");
        errors.When(query.MinHours > query.MaxHours, "maxHours", "maxHours must not be below minHours.");
        var skills = Terms.Keys(Terms.Distinct(query.Skills?.Split(',')));
        errors.When(skills.Length > 15, "skills", "Filter by at most 15 skills.");
        errors.When(query.Q?.Length > 200, "q", "q must be at most 200 characters.");
        errors.WithoutNul("q", query.Q).WithoutNul("skills", query.Skills).WithoutNul("discipline", query.Discipline);
        errors.ThrowIfAny();

        if (status is ListingStatus.Draft or ListingStatus.Cancelled && caller?.IsCoordinator != true)
        {
            // Unpublished listings are their organization's business: a partner sees its own, nobody else any.
            if (caller?.OrganizationId is not { } own || !caller.IsPartner)
            {
                throw DomainRuleException.Forbidden("status_not_visible", "Only a listing's organization and coordinators see drafts and cancelled listings.");
            }

            listings = listings.Where(l => l.OrganizationId == own);
        }

        listings = listings.Where(l => l.Status == EF.Constant(status));
        if (skills.Length > 0)
        {
            listings = listings.Where(l => skills.All(s => l.SkillKeys.Contains(s)));
        }

        if (!string.IsNullOrWhiteSpace(query.Discipline))
        {
            var discipline = Terms.Key(query.Discipline);
            listings = listings.Where(l => l.DisciplineKey == discipline);
        }

        if (query.MinHours is { } minHours)
        {
            listings = listings.Where(l => l.EstimatedHours >= minHours);
        }

        if (query.MaxHours is { } maxHours)
        {
            listings = listings.Where(l => l.EstimatedHours <= maxHours);
        }

        if (query.WorkMode is not null)
        {
            listings = listings.Where(l => l.WorkMode == workMode);
        }

        if (query.OrganizationId is { } organizationId)
        {
            listings = listings.Where(l => l.OrganizationId == organizationId);
        }

        return listings;
    }

    private static (float Rank, Guid Id)? DecodeRanked(string? cursor)
    {
        if (PageRequest.Decode(cursor, 2) is not { } parts)
        {
            return null;
        }

        return float.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var rank) && Guid.TryParse(parts[1], out var id)
            ? (rank, id)
            : throw PageRequest.InvalidCursor();
    }
}
