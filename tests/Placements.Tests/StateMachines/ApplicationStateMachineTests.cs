using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.Testing;
using static MicroInternships.Placements.Tests.StateMachines.Aggregates;

namespace MicroInternships.Placements.Tests.StateMachines;

/// <summary>
/// The application's state machine on its own, without a database: every step from every state. The clock's and a
/// closed listing's expiries are steps too; the sweeper and the listing consumer that take them are tested over HTTP in
/// TimeRulesTests.
/// </summary>
public sealed class ApplicationStateMachineTests
{
    private static readonly TimeSpan OfferLifetime = TimeSpan.FromDays(3);

    private static readonly Dictionary<string, Action<Application>> Steps = new()
    {
        ["offer"] = a => a.Offer(Listing(), OfferLifetime, Now),
        ["reject"] = a => a.Reject(Now),
        ["accept"] = a => a.Accept(Now.AddHours(1)),
        ["decline"] = a => a.Decline(Now.AddHours(1)),
        ["withdraw"] = a => a.Withdraw(Now.AddHours(1)),
    };

    private static readonly Dictionary<(ApplicationStatus From, string Step), ApplicationStatus> Allowed = new()
    {
        [(ApplicationStatus.Submitted, "offer")] = ApplicationStatus.Offered,
        [(ApplicationStatus.Submitted, "reject")] = ApplicationStatus.Rejected,
        [(ApplicationStatus.Submitted, "withdraw")] = ApplicationStatus.Withdrawn,
        [(ApplicationStatus.Offered, "accept")] = ApplicationStatus.Accepted,
        [(ApplicationStatus.Offered, "decline")] = ApplicationStatus.Declined,
        [(ApplicationStatus.Offered, "withdraw")] = ApplicationStatus.Withdrawn,
    };

    public static TheoryData<ApplicationStatus, string> EveryStateAndStep() =>
        StateMachineCases.EveryStateAndStep(Enum.GetValues<ApplicationStatus>(), Steps.Keys);

    public static TheoryData<ApplicationStatus> EveryState() => new(Enum.GetValues<ApplicationStatus>());

    [Theory]
    [MemberData(nameof(EveryStateAndStep))]
    public void EachStep_FromEachState_MovesAsTheContractSays_OrIsRefused(ApplicationStatus from, string step)
    {
        var application = Application(from);
        var version = application.Version;

        if (Allowed.TryGetValue((from, step), out var to))
        {
            Steps[step](application);
            Assert.Equal(to, application.Status);
            Assert.True(application.Version > version, "An allowed step moves the version on.");
        }
        else
        {
            var refused = Assert.Throws<DomainRuleException>(() => Steps[step](application));
            Assert.Equal((RuleKind.Conflict, "application_wrong_state"), (refused.Kind, refused.Code));
            Assert.Equal((from, version), (application.Status, application.Version));
        }
    }

    [Theory]
    [MemberData(nameof(EveryState))]
    public void AnOffer_ExpiresOnceItsTimeIsUp_AndNothingElseExpiresByTheClock(ApplicationStatus from)
    {
        var application = Application(from);
        var version = application.Version;

        Assert.False(application.ExpireOffer(Now + OfferLifetime - TimeSpan.FromTicks(1)));
        Assert.Equal((from, version), (application.Status, application.Version));

        var expired = application.ExpireOffer(Now + OfferLifetime);

        Assert.Equal(from == ApplicationStatus.Offered, expired);
        Assert.Equal(expired ? ApplicationStatus.Expired : from, application.Status);
        Assert.Equal(expired ? version + 1 : version, application.Version);
    }

    [Theory]
    [MemberData(nameof(EveryState))]
    public void ALapsedListing_ExpiresPendingApplications_AndLeavesDecidedOnesAlone(ApplicationStatus from)
    {
        var application = Application(from);
        var (version, decidedAt) = (application.Version, application.DecidedAt);

        var lapsed = application.Lapse(Now.AddDays(30));

        Assert.Equal(from is ApplicationStatus.Submitted or ApplicationStatus.Offered, lapsed);
        Assert.Equal(lapsed ? ApplicationStatus.Expired : from, application.Status);
        Assert.Equal(lapsed ? Now.AddDays(30) : decidedAt, application.DecidedAt);
        Assert.Equal(lapsed ? version + 1 : version, application.Version);
    }

    [Fact]
    public void AnOffer_FixesTheListingsTermsAsTheyWereWhenMade()
    {
        var application = Application(ApplicationStatus.Offered);

        Assert.Equal((AmountCents, "USD", EstimatedHours), (application.AmountCents, application.Currency, application.EstimatedHours));
        Assert.Equal(Now + OfferLifetime, application.OfferExpiresAt);
    }

    [Theory]
    [InlineData("cancelled", 2, "listing_not_open")]
    [InlineData("filled", 2, "listing_filled")]
    public void NoOffer_IsMadeOnACancelledOrFullListing(string listingStatus, int openings, string code)
    {
        var application = Application(ApplicationStatus.Submitted);

        var refused = Assert.Throws<DomainRuleException>(() => application.Offer(Listing(listingStatus, openings), OfferLifetime, Now));

        Assert.Equal(code, refused.Code);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
    }

    [Fact]
    public void AnOffer_CannotBeAcceptedOnceItExpired()
    {
        var application = Application(ApplicationStatus.Offered);

        var refused = Assert.Throws<DomainRuleException>(() => application.Accept(Now + OfferLifetime));

        Assert.Equal("offer_expired", refused.Code);
        Assert.Equal(ApplicationStatus.Offered, application.Status);
        application.Accept(Now + OfferLifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(ApplicationStatus.Accepted, application.Status);
    }
}
