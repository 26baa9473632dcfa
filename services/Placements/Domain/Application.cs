using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Json;

namespace MicroInternships.Placements.Domain;

/// <summary>
/// A student's application to a listing: <c>submitted -> offered | rejected | withdrawn | expired</c>,
/// <c>offered -> accepted | declined | withdrawn | expired</c>. An offer copies the listing's pay and hours, which
/// the placement then keeps whatever happens to the listing.
/// </summary>
public sealed class Application : ICreatedInOrder, IHasParties
{
    private Application()
    {
    }

    public Guid Id { get; private set; }

    public Guid ListingId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string StudentId { get; private set; } = "";

    public string StudentName { get; private set; } = "";

    public Guid? CourseId { get; private set; }

    public string Pitch { get; private set; } = "";

    public ApplicationStatus Status { get; private set; }

    public long? AmountCents { get; private set; }

    public string? Currency { get; private set; }

    public int? EstimatedHours { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? OfferedAt { get; private set; }

    public DateTimeOffset? OfferExpiresAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset SubmittedAt => CreatedAt;

    public static ApplicationStatus[] ActiveStatuses { get; } = [ApplicationStatus.Submitted, ApplicationStatus.Offered, ApplicationStatus.Accepted];

    /// <summary>Not yet decided: what a listing that stops taking applications lapses.</summary>
    public static ApplicationStatus[] PendingStatuses { get; } = [ApplicationStatus.Submitted, ApplicationStatus.Offered];

    public static Application Submit(ListingCopy listing, string studentId, string studentName, Guid? courseId, string pitch, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ListingId = listing.Id,
        OrganizationId = listing.OrganizationId,
        StudentId = studentId,
        StudentName = studentName,
        CourseId = courseId,
        Pitch = pitch,
        Status = ApplicationStatus.Submitted,
        CreatedAt = now,
        Version = 1,
    };

    public void Offer(ListingCopy listing, TimeSpan lifetime, DateTimeOffset now)
    {
        Require(ApplicationStatus.Submitted, "offered");
        if (listing.Status == ListingState.Cancelled)
        {
            throw DomainRuleException.Conflict("listing_not_open", "The listing was cancelled.");
        }

        if (listing.IsFull)
        {
            throw DomainRuleException.Conflict("listing_filled", "Every opening of the listing is taken.");
        }

        AmountCents = listing.AmountCents;
        Currency = listing.Currency;
        EstimatedHours = listing.EstimatedHours;
        OfferedAt = now;
        OfferExpiresAt = now + lifetime;
        Move(ApplicationStatus.Offered);
    }

    public void Reject(DateTimeOffset now)
    {
        Require(ApplicationStatus.Submitted, "rejected");
        Decide(ApplicationStatus.Rejected, now);
    }

    public void Accept(DateTimeOffset now)
    {
        Require(ApplicationStatus.Offered, "accepted");
        if (now >= OfferExpiresAt)
        {
            throw DomainRuleException.Conflict("offer_expired", "The offer expired before it was accepted.");
        }

        Decide(ApplicationStatus.Accepted, now);
    }

    public void Decline(DateTimeOffset now)
    {
        Require(ApplicationStatus.Offered, "declined");
        Decide(ApplicationStatus.Declined, now);
    }

    public void Withdraw(DateTimeOffset now)
    {
        if (Status is not (ApplicationStatus.Submitted or ApplicationStatus.Offered))
        {
            throw WrongState("withdrawn");
        }

        Decide(ApplicationStatus.Withdrawn, now);
    }

    /// <summary>An offer left unanswered past <see cref="OfferExpiresAt"/> expires.</summary>
    /// <returns>False, unchanged, unless it is an offer that has run out.</returns>
    public bool ExpireOffer(DateTimeOffset now)
    {
        if (Status != ApplicationStatus.Offered || now < OfferExpiresAt)
        {
            return false;
        }

        Decide(ApplicationStatus.Expired, now);
        return true;
    }

    /// <summary>The listing will not take it any more (cancelled, or closed or filled long enough ago): a pending application expires.</summary>
    /// <returns>False, unchanged, unless it was still submitted or offered.</returns>
    public bool Lapse(DateTimeOffset now)
    {
        if (!PendingStatuses.Contains(Status))
        {
            return false;
        }

        Decide(ApplicationStatus.Expired, now);
        return true;
    }

    private void Require(ApplicationStatus expected, string action)
    {
        if (Status != expected)
        {
            throw WrongState(action);
        }
    }

    private DomainRuleException WrongState(string action) =>
        DomainRuleException.Conflict("application_wrong_state", $"A {WireName.Of(Status)} application cannot be {action}.");

    private void Decide(ApplicationStatus status, DateTimeOffset now)
    {
        DecidedAt = now;
        Move(status);
    }

    private void Move(ApplicationStatus status)
    {
        Status = status;
        Version++;
    }
}
