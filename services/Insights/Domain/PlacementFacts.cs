namespace MicroInternships.Insights.Domain;

/// <summary>An application as its latest snapshot says (from every application event).</summary>
public sealed class ApplicationFact
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public Guid ListingId { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid? CourseId { get; set; }

    public string StudentId { get; set; } = "";

    public string Status { get; set; } = "";

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset? OfferedAt { get; set; }

    public DateTimeOffset AppliedAt { get; set; }
}

/// <summary>
/// A placement: its latest snapshot (<see cref="Version"/>), the moments of its milestones as their own events report
/// them, its revision rounds and the hours logged (<see cref="HoursVersion"/>, the placement version of the latest time entry).
/// A row made by a time entry that arrived before the placement's start has <see cref="Version"/> 0 until it does.
/// </summary>
public sealed class PlacementFact
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public Guid ListingId { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid? CourseId { get; set; }

    public Guid? FundId { get; set; }

    public string StudentId { get; set; } = "";

    public string Status { get; set; } = "";

    public long AmountCents { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When the student's first placement started, kept on each of theirs: a later start is a returning student's.</summary>
    public DateTimeOffset? StudentFirstStartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public bool AutoApproved { get; set; }

    public int RevisionRounds { get; set; }

    public long HoursVersion { get; set; }

    public decimal LoggedHours { get; set; }

    public int EstimatedHours { get; set; }

    public DateTimeOffset AppliedAt { get; set; }
}

/// <summary>One time entry's day and hours (from <c>TimeEntryLogged</c>).</summary>
public sealed class TimeEntryFact
{
    public Guid Id { get; set; }

    public Guid PlacementId { get; set; }

    public DateOnly Date { get; set; }

    public decimal Hours { get; set; }

    public DateTimeOffset AppliedAt { get; set; }
}

/// <summary>A completed placement's ratings once revealed (from <c>FeedbackRevealed</c> only), never shown per person.</summary>
public sealed class RatingFact
{
    public Guid PlacementId { get; set; }

    public int? PartnerRating { get; set; }

    public int? StudentRating { get; set; }

    public DateTimeOffset RevealedAt { get; set; }

    public DateTimeOffset AppliedAt { get; set; }
}
