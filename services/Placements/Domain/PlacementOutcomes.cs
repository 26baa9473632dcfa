using MicroInternships.Contracts.Placements;
using MicroInternships.Messaging.Outbox;
using MicroInternships.Placements.Credentials;
using MicroInternships.Placements.Data;
using MicroInternships.ServiceDefaults.Identity;
using MicroInternships.ServiceDefaults.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MicroInternships.Placements.Domain;

/// <summary>
/// How a placement ends, by hand or by the clock: the state change, the capacity it gives back and the events
/// Payments pays on (<see cref="PlacementCompleted"/>, <see cref="PlacementSettled"/>) or people are told of
/// (a settlement open to dispute, one escalated), all in the caller's transaction.
/// </summary>
public sealed class PlacementOutcomes(PlacementsDbContext db, Capacity capacity, CredentialIssuance credentials, IOptions<PlacementRules> rules)
{
    /// <summary>Why a settlement went to the coordinators (<see cref="PlacementSettlementEscalated.Reason"/>).</summary>
    private const string Unsettled = "unsettled";
    private const string Disputed = "disputed";

    /// <summary>The work handed in, with when it will be approved automatically if the partner does not answer.</summary>
    public async Task SubmitAsync(Placement placement, string? deliverableUrl, string note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        placement.Submit(deliverableUrl, note, now);
        db.AddIntegrationEvent(new PlacementSubmitted(await SnapshotAsync(placement, cancellationToken), now + rules.Value.ReviewPeriod, now));
    }

    public async Task RequestRevisionAsync(Placement placement, string note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        placement.RequestRevision(note, rules.Value.MaxRevisionRequests);
        db.AddIntegrationEvent(new PlacementRevisionRequested(await SnapshotAsync(placement, cancellationToken), placement.RevisionCount, now));
    }

    public Task ApproveAsync(
        Placement placement, int rating, string feedback, IReadOnlyList<Endorsement> endorsements, DateTimeOffset now, CancellationToken cancellationToken)
    {
        placement.Approve(rating, feedback, endorsements, VerificationCodes.New(), now);
        db.AddIntegrationEvent(new FeedbackGiven(placement.Id, placement.Version, "partner", now));
        return CompletedAsync(placement, now, cancellationToken);
    }

    public void GiveStudentFeedback(Placement placement, int rating, string comment, DateTimeOffset now)
    {
        placement.GiveStudentFeedback(rating, comment, now);
        db.AddIntegrationEvent(new FeedbackGiven(placement.Id, placement.Version, "student", now));
        RevealFeedbackIfDue(placement, now);
    }

    /// <summary>Shows the ratings given so far once they may be shown (both given, or the blind period over), and announces them.</summary>
    /// <returns>False when no rating was newly revealed.</returns>
    public bool RevealFeedbackIfDue(Placement placement, DateTimeOffset now)
    {
        if (!placement.RevealFeedbackIfDue(rules.Value.FeedbackBlindPeriod, now))
        {
            return false;
        }

        db.AddIntegrationEvent(new FeedbackRevealed(
            placement.Id, placement.Version, placement.StudentId, placement.OrganizationId, placement.PartnerFeedback?.Rating, placement.StudentFeedback?.Rating, now));
        return true;
    }

    /// <returns>False when the placement is not due for automatic approval.</returns>
    public async Task<bool> ApproveAutomaticallyAsync(Placement placement, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!placement.ApproveAutomatically(rules.Value.ReviewPeriod, VerificationCodes.New(), now))
        {
            return false;
        }

        await CompletedAsync(placement, now, cancellationToken);
        return true;
    }

    /// <summary>
    /// Cancels and frees the opening. A partner or a coordinator settles at once, with <paramref name="payableCents"/>
    /// or else the proposal; a student's cancellation settles at once only when nothing was logged (at 0), and
    /// otherwise waits for the partner: nothing is paid from a student's own word.
    /// </summary>
    public async Task CancelAsync(Placement placement, Caller caller, string reason, long? payableCents, DateTimeOffset now, CancellationToken cancellationToken)
    {
        placement.Cancel(caller.Role, reason, rules.Value.SettlementPeriod, now);
        await capacity.ReleaseWorkloadSlotAsync(placement.StudentId, cancellationToken);
        await capacity.ReleaseOpeningAsync(placement.ListingId, cancellationToken);
        db.AddIntegrationEvent(new PlacementCancelled(await SnapshotAsync(placement, cancellationToken), now));

        SettlementParty? settler = caller.Role switch
        {
            Roles.Partner => SettlementParty.Partner,
            Roles.Coordinator => SettlementParty.Coordinator,
            _ when placement.ProposedPayableCents == 0 => SettlementParty.Student,
            _ => null,
        };
        if (settler is { } by)
        {
            await SettleAsync(placement, by, payableCents ?? placement.ProposedPayableCents!.Value, reason, now, cancellationToken);
        }
    }

    public async Task SettleAsync(Placement placement, SettlementParty by, long payableCents, string? reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (placement.Settle(by, payableCents, reason, rules.Value.DisputePeriod, now))
        {
            await SettledAsync(placement, now, cancellationToken);
        }
        else
        {
            db.AddIntegrationEvent(new PlacementSettlementDisputable(
                await SnapshotAsync(placement, cancellationToken), placement.PayableCents!.Value, placement.SettlementDueAt!.Value, now));
        }
    }

    /// <summary>The student disputes the partner's settlement below the proposal: coordinators decide.</summary>
    public async Task DisputeAsync(Placement placement, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        placement.Dispute(reason, now);
        db.AddIntegrationEvent(new PlacementSettlementEscalated(await SnapshotAsync(placement, cancellationToken), Disputed, now));
    }

    /// <returns>False when the partner's time to settle is not over.</returns>
    public async Task<bool> EscalateIfDueAsync(Placement placement, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!placement.EscalateIfDue(now))
        {
            return false;
        }

        db.AddIntegrationEvent(new PlacementSettlementEscalated(await SnapshotAsync(placement, cancellationToken), Unsettled, now));
        return true;
    }

    /// <returns>False when the placement's settlement is not due to become final.</returns>
    public async Task<bool> MakeFinalIfDueAsync(Placement placement, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!placement.MakeFinalIfDue(now))
        {
            return false;
        }

        await SettledAsync(placement, now, cancellationToken);
        return true;
    }

    private async Task CompletedAsync(Placement placement, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await capacity.ReleaseWorkloadSlotAsync(placement.StudentId, cancellationToken);
        db.AddIntegrationEvent(new PlacementCompleted(await SnapshotAsync(placement, cancellationToken), placement.AutoApproved, now));
        await credentials.IssueAsync(placement, includesName: true, now, cancellationToken);
    }

    private async Task SettledAsync(Placement placement, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.AddIntegrationEvent(new PlacementSettled(
            await SnapshotAsync(placement, cancellationToken), placement.PayableCents!.Value, WireName.Of(placement.SettledBy!.Value), now));

    private async Task<PlacementSnapshot> SnapshotAsync(Placement placement, CancellationToken cancellationToken)
    {
        var listing = await db.Listings.AsNoTracking()
            .Where(l => l.Id == placement.ListingId)
            .Select(l => new { l.FilledCount, l.Openings })
            .FirstAsync(cancellationToken);
        return placement.ToSnapshot(listing.FilledCount, listing.Openings);
    }
}
