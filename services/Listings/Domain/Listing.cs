using MicroInternships.ServiceDefaults.Api;
using MicroInternships.ServiceDefaults.Errors;

namespace MicroInternships.Listings.Domain;

/// <summary>
/// A paid micro-internship project and its lifecycle: <c>draft -> open -> closed | filled</c>, and
/// <c>draft | open -> cancelled</c>. Every change bumps <see cref="Version"/>, which events carry and which also
/// guards against two writers overwriting each other.
/// </summary>
public sealed class Listing : ICreatedInOrder
{
    private readonly List<CourseListing> _courseLinks = [];

    private Listing()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganizationId { get; private set; }

    public Organization Organization { get; private set; } = null!;

    public string Title { get; private set; } = "";

    public string Summary { get; private set; } = "";

    public string Description { get; private set; } = "";

    public List<string> Skills { get; private set; } = [];

    public string[] SkillKeys { get; private set; } = [];

    /// <summary>The skills as one text, for the full-text index (PostgreSQL cannot index an array expression directly).</summary>
    public string SearchSkills { get; private set; } = "";

    public string Discipline { get; private set; } = "";

    public string DisciplineKey { get; private set; } = "";

    public int EstimatedHours { get; private set; }

    public long AmountCents { get; private set; }

    public string Currency { get; private set; } = "";

    public int Openings { get; private set; }

    public int FilledCount { get; private set; }

    public DateTimeOffset ApplicationDeadline { get; private set; }

    public WorkMode WorkMode { get; private set; }

    public string? Location { get; private set; }

    public Guid? FundId { get; private set; }

    public ListingStatus Status { get; private set; }

    public CloseReason? CloseReason { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public IReadOnlyCollection<CourseListing> CourseLinks => _courseLinks;

    public bool IsPublished => Status != ListingStatus.Draft && PublishedAt is not null;

    /// <summary>Open, closed and filled listings are public to signed-in users; drafts and cancelled ones to their owners.</summary>
    public bool IsPublic => IsPublicStatus(Status);

    /// <summary>Anyone signed in may read a listing once it was published; drafts and cancelled ones only its owners.</summary>
    public static bool IsPublicStatus(ListingStatus status) => status is ListingStatus.Open or ListingStatus.Closed or ListingStatus.Filled;

    public static Listing Draft(Guid organizationId, ListingTerms terms, Guid? fundId, DateTimeOffset now)
    {
        var listing = new Listing
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = organizationId,
            FundId = fundId,
            Status = ListingStatus.Draft,
            Version = 1,
            CreatedAt = now,
        };
        listing.Write(terms);
        return listing;
    }

    /// <summary>
    /// Writes new terms and, while a draft, moves it to <paramref name="organization"/>; an open listing whose openings
    /// are now all taken is filled.
    /// </summary>
    public void Edit(ListingTerms terms, Guid? fundId, Organization organization, DateTimeOffset now)
    {
        if (Status is not (ListingStatus.Draft or ListingStatus.Open))
        {
            throw DomainRuleException.Conflict("listing_not_editable", $"A {Status.ToString().ToLowerInvariant()} listing can no longer be edited.");
        }

        if (IsPublished)
        {
            var locked = ChangedPay(terms);
            if (fundId != FundId)
            {
                locked.Add("fundId");
            }

            if (organization.Id != OrganizationId)
            {
                locked.Add("organizationId");
            }

            if (locked.Count > 0)
            {
                throw DomainRuleException.Conflict("listing_terms_locked", $"Once published, {string.Join(", ", locked)} cannot change.");
            }

            if (terms.Openings < FilledCount)
            {
                throw DomainRuleException.Conflict("openings_below_filled", $"{FilledCount} openings are already taken; openings cannot be fewer.");
            }
        }

        FundId = fundId;
        (OrganizationId, Organization) = (organization.Id, organization);
        Write(terms);
        Version++;
        if (Status == ListingStatus.Open && FilledCount >= Openings)
        {
            CloseAs(Domain.CloseReason.Filled, now);
        }
    }

    /// <summary>
    /// A funded listing draws on a grant: only coordinators change what it costs, draft or open. 409 when
    /// <paramref name="terms"/> re-price it, change its hours or raise its openings. A listing in another state is
    /// left to <see cref="Edit"/>, which refuses any edit.
    /// </summary>
    public void RequireFundedEconomicsUnchanged(ListingTerms terms)
    {
        if (FundId is null || Status is not (ListingStatus.Draft or ListingStatus.Open))
        {
            return;
        }

        var changed = ChangedPay(terms);
        if (terms.Openings > Openings)
        {
            changed.Add("openings (raised)");
        }

        if (changed.Count > 0)
        {
            throw DomainRuleException.Conflict("funded_economics_locked",
                $"A program fund pays for this listing: only a coordinator changes {string.Join(", ", changed)}.");
        }
    }

    /// <summary>Which of what a placement pays (<c>compensation</c>, <c>estimatedHours</c>) <paramref name="terms"/> would change.</summary>
    private List<string> ChangedPay(ListingTerms terms)
    {
        var changed = new List<string>();
        if (terms.AmountCents != AmountCents || terms.Currency != Currency)
        {
            changed.Add("compensation");
        }

        if (terms.EstimatedHours != EstimatedHours)
        {
            changed.Add("estimatedHours");
        }

        return changed;
    }

    public void Publish(DateTimeOffset now)
    {
        if (Status != ListingStatus.Draft)
        {
            throw DomainRuleException.Conflict("listing_not_draft", "Only a draft can be published.");
        }

        if (ApplicationDeadline <= now)
        {
            throw DomainRuleException.Conflict("deadline_passed", "The application deadline has passed; move it before publishing.");
        }

        Status = ListingStatus.Open;
        PublishedAt = now;
        Version++;
    }

    public void Close(DateTimeOffset now)
    {
        if (Status is not (ListingStatus.Open or ListingStatus.Filled))
        {
            throw DomainRuleException.Conflict("listing_not_open", "Only an open or filled listing can be closed.");
        }

        CloseAs(Domain.CloseReason.Manual, now);
    }

    /// <summary>True when the deadline closed it; an open listing whose deadline is still ahead is left alone.</summary>
    public bool CloseIfDeadlinePassed(DateTimeOffset now)
    {
        if (Status != ListingStatus.Open || ApplicationDeadline > now)
        {
            return false;
        }

        CloseAs(Domain.CloseReason.Deadline, now);
        return true;
    }

    public void Cancel(DateTimeOffset now)
    {
        if (Status is not (ListingStatus.Draft or ListingStatus.Open))
        {
            throw DomainRuleException.Conflict("listing_not_cancellable", "Only a draft or an open listing can be cancelled.");
        }

        Status = ListingStatus.Cancelled;
        ClosedAt = now;
        Version++;
    }

    /// <summary>
    /// Mirrors the openings Placements reports taken. The last opening taken fills an open listing; an opening
    /// freed on a filled listing reopens it while its deadline is ahead, and closes it otherwise.
    /// </summary>
    public PlacementEffect TakeFilledCount(int filledCount, DateTimeOffset now)
    {
        if (filledCount == FilledCount)
        {
            return PlacementEffect.None;
        }

        FilledCount = filledCount;
        Version++;
        if (Status == ListingStatus.Open && FilledCount >= Openings)
        {
            CloseAs(Domain.CloseReason.Filled, now);
            return PlacementEffect.Filled;
        }

        if (Status == ListingStatus.Filled && FilledCount < Openings)
        {
            if (ApplicationDeadline > now)
            {
                Status = ListingStatus.Open;
                CloseReason = null;
                ClosedAt = null;
                return PlacementEffect.Reopened;
            }

            CloseAs(Domain.CloseReason.Deadline, now);
            return PlacementEffect.Closed;
        }

        return PlacementEffect.Counted;
    }

    public bool Link(Course course, DateTimeOffset now)
    {
        if (_courseLinks.Any(l => l.CourseId == course.Id))
        {
            return false;
        }

        if (Status != ListingStatus.Open)
        {
            throw DomainRuleException.Conflict("listing_not_open", "Only an open listing can be built into a course.");
        }

        _courseLinks.Add(new CourseListing(course.Id, Id, now));
        Version++;
        return true;
    }

    public bool Unlink(Guid courseId)
    {
        if (_courseLinks.Find(l => l.CourseId == courseId) is not { } link)
        {
            return false;
        }

        _courseLinks.Remove(link);
        Version++;
        return true;
    }

    private void CloseAs(CloseReason reason, DateTimeOffset now)
    {
        Status = reason == Domain.CloseReason.Filled ? ListingStatus.Filled : ListingStatus.Closed;
        CloseReason = reason;
        ClosedAt = now;
        Version++;
    }

    private void Write(ListingTerms terms)
    {
        Title = terms.Title;
        Summary = terms.Summary;
        Description = terms.Description;
        Skills = [.. terms.Skills];
        SkillKeys = Terms.Keys(terms.Skills);
        SearchSkills = string.Join(", ", terms.Skills);
        Discipline = terms.Discipline;
        DisciplineKey = Terms.Key(terms.Discipline);
        EstimatedHours = terms.EstimatedHours;
        AmountCents = terms.AmountCents;
        Currency = terms.Currency;
        Openings = terms.Openings;
        ApplicationDeadline = terms.ApplicationDeadline;
        WorkMode = terms.WorkMode;
        Location = terms.Location;
    }
}
