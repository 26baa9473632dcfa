using MicroInternships.Listings.Domain;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.Testing;

namespace MicroInternships.Listings.Tests;

/// <summary>
/// The listing's lifecycle on its own, without a database: publish, close, cancel and edit from every state; the ones
/// the contract allows move it, every other is refused with its code and changes nothing.
/// </summary>
public sealed class ListingStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly Organization Partner = new(Guid.NewGuid(), "Cascade Analytics", null, null, Now);

    private static readonly Dictionary<string, (Action<Listing> Step, string Refusal)> Steps = new()
    {
        ["publish"] = (l => l.Publish(Now), "listing_not_draft"),
        ["close"] = (l => l.Close(Now), "listing_not_open"),
        ["cancel"] = (l => l.Cancel(Now), "listing_not_cancellable"),
        ["edit"] = (l => l.Edit(Terms(openings: 2, title: "Edited title"), null, Partner, Now), "listing_not_editable"),
    };

    private static readonly Dictionary<(ListingStatus From, string Step), ListingStatus> Allowed = new()
    {
        [(ListingStatus.Draft, "publish")] = ListingStatus.Open,
        [(ListingStatus.Draft, "cancel")] = ListingStatus.Cancelled,
        [(ListingStatus.Draft, "edit")] = ListingStatus.Draft,
        [(ListingStatus.Open, "close")] = ListingStatus.Closed,
        [(ListingStatus.Open, "cancel")] = ListingStatus.Cancelled,
        [(ListingStatus.Open, "edit")] = ListingStatus.Open,
        [(ListingStatus.Filled, "close")] = ListingStatus.Closed,
    };

    public static TheoryData<ListingStatus, string> EveryStateAndStep() =>
        StateMachineCases.EveryStateAndStep(Enum.GetValues<ListingStatus>(), Steps.Keys);

    [Theory]
    [MemberData(nameof(EveryStateAndStep))]
    public void EachStep_FromEachState_MovesAsTheContractSays_OrIsRefused(ListingStatus from, string step)
    {
        var listing = In(from);
        var version = listing.Version;

        if (Allowed.TryGetValue((from, step), out var to))
        {
            Steps[step].Step(listing);
            Assert.Equal(to, listing.Status);
            Assert.True(listing.Version > version, "An allowed step moves the version on.");
        }
        else
        {
            var refused = Assert.Throws<DomainRuleException>(() => Steps[step].Step(listing));
            Assert.Equal((RuleKind.Conflict, Steps[step].Refusal), (refused.Kind, refused.Code));
            Assert.Equal((from, version), (listing.Status, listing.Version));
        }
    }

    [Fact]
    public void TheDeadline_ClosesAnOpenListing_OnlyOnceItHasPassed()
    {
        var listing = In(ListingStatus.Open);

        Assert.False(listing.CloseIfDeadlinePassed(listing.ApplicationDeadline.AddSeconds(-1)));
        Assert.True(listing.CloseIfDeadlinePassed(listing.ApplicationDeadline));
        Assert.Equal((ListingStatus.Closed, CloseReason.Deadline), (listing.Status, listing.CloseReason));
        Assert.False(In(ListingStatus.Draft).CloseIfDeadlinePassed(listing.ApplicationDeadline));
    }

    [Fact]
    public void ADraftWhoseDeadlinePassed_CannotBePublished()
    {
        var listing = In(ListingStatus.Draft);

        var refused = Assert.Throws<DomainRuleException>(() => listing.Publish(listing.ApplicationDeadline));

        Assert.Equal("deadline_passed", refused.Code);
        Assert.Equal(ListingStatus.Draft, listing.Status);
    }

    private static Listing In(ListingStatus status)
    {
        var listing = Listing.Draft(Partner.Id, Terms(openings: 2), null, Now);
        if (status == ListingStatus.Draft)
        {
            return listing;
        }

        if (status == ListingStatus.Cancelled)
        {
            listing.Cancel(Now);
            return listing;
        }

        listing.Publish(Now);
        switch (status)
        {
            case ListingStatus.Closed:
                listing.Close(Now);
                break;
            case ListingStatus.Filled:
                listing.TakeFilledCount(2, Now);
                break;
        }

        Assert.Equal(status, listing.Status);
        return listing;
    }

    private static ListingTerms Terms(int openings, string title = "Survey analysis") =>
        new(title, "Summary", "Description", ["Excel"], "Finance", 30, 60_000, "USD", openings, Now.AddDays(14), WorkMode.Remote, null);
}
