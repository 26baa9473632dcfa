namespace MicroInternships.Placements.Domain;

/// <summary>The program's time and workload rules (<c>Placements:Rules</c>); the defaults are the contract's.</summary>
public sealed class PlacementRules
{
    public const string SectionName = "Placements:Rules";

    /// <summary>An offer not accepted within this long expires.</summary>
    public TimeSpan OfferLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Work submitted and not answered by the partner within this long is approved automatically.</summary>
    public TimeSpan ReviewPeriod { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Pending applications on a closed or filled listing expire this long after it closed.</summary>
    public TimeSpan PendingAfterClose { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Each side's feedback is hidden from the other until both gave theirs or this long after completion.</summary>
    public TimeSpan FeedbackBlindPeriod { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The partner settles a student's cancellation within this long, or coordinators take it over.</summary>
    public TimeSpan SettlementPeriod { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The student may dispute a settlement below the proposal within this long; then it is final.</summary>
    public TimeSpan DisputePeriod { get; set; } = TimeSpan.FromDays(7);

    public int MaxActivePlacements { get; set; } = 2;

    public int MaxRevisionRequests { get; set; } = 2;
}
