using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.Testing;
using static MicroInternships.Placements.Tests.StateMachines.Aggregates;

namespace MicroInternships.Placements.Tests.StateMachines;

/// <summary>
/// The application's state machine on its own, without a database: every step from every state the aggregate reaches
/// (an application becomes <c>expired</c> only in bulk, by the clock and by a closed listing, tested over HTTP in
/// TimeRulesTests).
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
        StateMachineCases.EveryStateAndStep(Enum.GetValues<ApplicationStatus>().Where(s => s != ApplicationStatus.Expired), Steps.Keys);

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
