using MicroInternships.Contracts.Listings;
using MicroInternships.Placements.Domain;

namespace MicroInternships.Placements.Tests.StateMachines;

/// <summary>Applications and placements built in memory, in any state, for the state machines' own tests.</summary>
internal static class Aggregates
{
    public static readonly DateTimeOffset Now = new(2027, 2, 1, 17, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan SettlementPeriod = TimeSpan.FromDays(7);
    public static readonly TimeSpan DisputePeriod = TimeSpan.FromDays(7);
    public const long AmountCents = 60_000;
    public const int EstimatedHours = 30;

    public static ListingCopy Listing(string status = "open", int openings = 2) => ListingCopy.From(
        new ListingSnapshot(Guid.NewGuid(), 1, status, Guid.NewGuid(), "Cascade Analytics", "Survey analysis", openings, Now.AddDays(14),
            AmountCents, "USD", EstimatedHours, FundId: null, CourseIds: []),
        Now);

    public static Application Application(ApplicationStatus status, ListingCopy? listing = null)
    {
        listing ??= Listing();
        var application = MicroInternships.Placements.Domain.Application.Submit(listing, "s-1", "Sam Student", courseId: null, "I have done survey work.", Now);
        switch (status)
        {
            case ApplicationStatus.Submitted:
                break;
            case ApplicationStatus.Rejected:
                application.Reject(Now);
                break;
            case ApplicationStatus.Withdrawn:
                application.Withdraw(Now);
                break;
            case ApplicationStatus.Expired:
                application.Lapse(Now);
                break;
            default:
                application.Offer(listing, TimeSpan.FromDays(3), Now);
                if (status == ApplicationStatus.Accepted)
                {
                    application.Accept(Now);
                }
                else if (status == ApplicationStatus.Declined)
                {
                    application.Decline(Now);
                }

                break;
        }

        return application;
    }

    /// <summary>A placement in <paramref name="status"/>, with 10 of its 30 hours logged (none when <paramref name="hours"/> is 0).</summary>
    public static Placement Placement(PlacementStatus status, decimal hours = 10)
    {
        var listing = Listing();
        var placement = MicroInternships.Placements.Domain.Placement.Start(Application(ApplicationStatus.Accepted, listing), listing, Now);
        if (hours > 0)
        {
            placement.Log(hours);
        }

        switch (status)
        {
            case PlacementStatus.Submitted:
                placement.Submit(null, "Done.", Now);
                break;
            case PlacementStatus.RevisionRequested:
                placement.Submit(null, "Done.", Now);
                placement.RequestRevision("One more chart, please.", maxRevisionRequests: 2);
                break;
            case PlacementStatus.Completed:
                placement.Submit(null, "Done.", Now);
                placement.Approve(5, "Thorough work.", [], "code-1", Now);
                break;
            case PlacementStatus.Cancelled:
                placement.Cancel("s-1", "I took on too much.", SettlementPeriod, Now);
                break;
        }

        return placement;
    }

    /// <summary>A placement whose cancellation's settlement is in <paramref name="settlement"/>.</summary>
    public static Placement Settlement(SettlementStatus settlement)
    {
        var placement = Placement(settlement == SettlementStatus.None ? PlacementStatus.Active : PlacementStatus.Cancelled);
        var proposal = placement.ProposedPayableCents ?? 0;
        switch (settlement)
        {
            case SettlementStatus.Escalated:
                placement.EscalateIfDue(Now + SettlementPeriod);
                break;
            case SettlementStatus.Settled:
                placement.Settle(SettlementParty.Partner, proposal / 2, "Half of it was unusable.", DisputePeriod, Now.AddHours(1));
                break;
            case SettlementStatus.Final:
                placement.Settle(SettlementParty.Partner, proposal, null, DisputePeriod, Now.AddHours(1));
                break;
        }

        return placement;
    }
}
