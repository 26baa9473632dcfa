using System.Linq.Expressions;
using System.Text.Json.Serialization;
using MicroInternships.Listings.Domain;
using MicroInternships.ServiceDefaults.Api;

namespace MicroInternships.Listings.Apis;

/// <summary>
/// A listing as visitors who are not signed in see it: what the project is and pays, never who runs it inside the
/// organization, its fund, its courses or its counts beyond the openings left.
/// </summary>
public sealed record PublicListingDto(
    Guid Id,
    string Title,
    string Summary,
    string Description,
    string OrganizationName,
    IReadOnlyList<string> Skills,
    string Discipline,
    int EstimatedHours,
    Compensation Compensation,
    DateTimeOffset ApplicationDeadline,
    WorkMode WorkMode,
    string? Location,
    int OpeningsLeft,
    DateTimeOffset? PublishedAt,
    [property: JsonIgnore] DateTimeOffset CreatedAt) : ICreatedInOrder;

public static class PublicListingMapping
{
    public static readonly Expression<Func<Listing, PublicListingDto>> Projection = listing => new PublicListingDto(
        listing.Id,
        listing.Title,
        listing.Summary,
        listing.Description,
        listing.Organization.Name,
        listing.Skills,
        listing.Discipline,
        listing.EstimatedHours,
        new Compensation(listing.AmountCents, listing.Currency),
        listing.ApplicationDeadline,
        listing.WorkMode,
        listing.Location,
        listing.Openings - listing.FilledCount,
        listing.PublishedAt,
        listing.CreatedAt);
}
