using MicroInternships.Listings.Domain;
using MicroInternships.ServiceDefaults.Errors;

namespace MicroInternships.Listings.Tests;

/// <summary>The listing's state machine on its own, without a database.</summary>
public sealed class ListingRulesTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 10, 12, 0, 0, TimeSpan.Zero);

    private static readonly Organization Partner = new(Guid.NewGuid(), "Cascade Analytics", null, null, Now);

    [Fact]
    public void TakeFilledCount_FreeingAnOpeningAfterTheDeadline_ClosesInsteadOfReopening()
    {
        var listing = OpenListing(openings: 1, deadline: Now.AddDays(1));
        listing.TakeFilledCount(1, Now);

        var effect = listing.TakeFilledCount(0, Now.AddDays(2));

        Assert.Equal(PlacementEffect.Closed, effect);
        Assert.Equal(ListingStatus.Closed, listing.Status);
        Assert.Equal(CloseReason.Deadline, listing.CloseReason);
    }

    [Fact]
    public void TakeFilledCount_OnAClosedListing_CountsWithoutReopening()
    {
        var listing = OpenListing(openings: 2, deadline: Now.AddDays(1));
        listing.Close(Now);

        Assert.Equal(PlacementEffect.Counted, listing.TakeFilledCount(2, Now));
        Assert.Equal(ListingStatus.Closed, listing.Status);
    }

    [Fact]
    public void Edit_OpeningsBelowFilledCount_IsAConflict()
    {
        var listing = OpenListing(openings: 3, deadline: Now.AddDays(1));
        listing.TakeFilledCount(2, Now);

        var refused = Assert.Throws<DomainRuleException>(() => listing.Edit(Terms(openings: 1, deadline: Now.AddDays(1)), null, Partner, Now));

        Assert.Equal("openings_below_filled", refused.Code);
    }

    [Fact]
    public void Edit_OpeningsDownToTheOnesTaken_FillsTheListing()
    {
        var listing = OpenListing(openings: 3, deadline: Now.AddDays(1));
        listing.TakeFilledCount(2, Now);

        listing.Edit(Terms(openings: 2, deadline: Now.AddDays(1)), null, Partner, Now);

        Assert.Equal(ListingStatus.Filled, listing.Status);
        Assert.Equal(CloseReason.Filled, listing.CloseReason);
    }

    [Fact]
    public void Edit_ToAnotherOrganization_MovesADraft_ButIsAConflictOncePublished()
    {
        var other = new Organization(Guid.NewGuid(), "Other Partner", null, null, Now);
        var draft = Listing.Draft(Partner.Id, Terms(openings: 1, deadline: Now.AddDays(1)), null, Now);
        var published = OpenListing(openings: 1, deadline: Now.AddDays(1));

        draft.Edit(Terms(openings: 1, deadline: Now.AddDays(1)), null, other, Now);
        var refused = Assert.Throws<DomainRuleException>(() => published.Edit(Terms(openings: 1, deadline: Now.AddDays(1)), null, other, Now));

        Assert.Equal(other.Id, draft.OrganizationId);
        Assert.Equal("listing_terms_locked", refused.Code);
        Assert.Equal(Partner.Id, published.OrganizationId);
    }

    [Fact]
    public void EveryChange_IncreasesTheVersion()
    {
        var listing = Listing.Draft(Guid.NewGuid(), Terms(openings: 1, deadline: Now.AddDays(1)), null, Now);
        var versions = new List<long> { listing.Version };

        listing.Publish(Now);
        versions.Add(listing.Version);
        listing.TakeFilledCount(1, Now);
        versions.Add(listing.Version);
        listing.TakeFilledCount(0, Now);
        versions.Add(listing.Version);

        Assert.Equal(versions.Order(), versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
    }

    private static Listing OpenListing(int openings, DateTimeOffset deadline)
    {
        var listing = Listing.Draft(Partner.Id, Terms(openings, deadline), null, Now);
        listing.Publish(Now);
        return listing;
    }

    private static ListingTerms Terms(int openings, DateTimeOffset deadline) =>
        new("Title", "Summary", "Description", ["Excel"], "Finance", 30, 60_000, "USD", openings, deadline, WorkMode.Remote, null);
}
