using System.Linq.Expressions;
using MicroInternships.Listings.Domain;
using MicroInternships.ServiceDefaults.Api;

namespace MicroInternships.Listings.Apis;

public sealed record Compensation(long AmountCents, string Currency);

public sealed record ListingDto(
    Guid Id,
    Guid OrganizationId,
    string OrganizationName,
    string Title,
    string Summary,
    string Description,
    IReadOnlyList<string> Skills,
    string Discipline,
    int EstimatedHours,
    Compensation Compensation,
    int Openings,
    int FilledCount,
    DateTimeOffset ApplicationDeadline,
    WorkMode WorkMode,
    string? Location,
    Guid? FundId,
    ListingStatus Status,
    CloseReason? CloseReason,
    IReadOnlyList<Guid> CourseIds,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ClosedAt) : ICreatedInOrder, IVersioned;

public static class ListingMapping
{
    /// <summary>Reads a listing as the API shows it; used inside queries, so PostgreSQL returns only these columns.</summary>
    public static readonly Expression<Func<Listing, ListingDto>> Projection = listing => new ListingDto(
        listing.Id,
        listing.OrganizationId,
        listing.Organization.Name,
        listing.Title,
        listing.Summary,
        listing.Description,
        listing.Skills,
        listing.Discipline,
        listing.EstimatedHours,
        new Compensation(listing.AmountCents, listing.Currency),
        listing.Openings,
        listing.FilledCount,
        listing.ApplicationDeadline,
        listing.WorkMode,
        listing.Location,
        listing.FundId,
        listing.Status,
        listing.CloseReason,
        listing.CourseLinks.OrderBy(l => l.LinkedAt).Select(l => l.CourseId).ToList(),
        listing.Version,
        listing.CreatedAt,
        listing.PublishedAt,
        listing.ClosedAt);

    private static readonly Func<Listing, ListingDto> _toDto = Projection.Compile();

    /// <summary>Needs the listing's organization and course links loaded.</summary>
    public static ListingDto ToDto(this Listing listing) => _toDto(listing);
}
