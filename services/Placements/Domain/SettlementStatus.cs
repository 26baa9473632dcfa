namespace MicroInternships.Placements.Domain;

/// <summary>
/// What a cancelled placement pays: <c>pending</c> while the partner decides after the student's cancellation,
/// <c>escalated</c> to coordinators (the partner stayed quiet, or the student disputed), <c>settled</c> below the
/// proposal and open to the student's dispute, <c>final</c> once decided for good (the payout opens then).
/// </summary>
public enum SettlementStatus
{
    None,
    Pending,
    Escalated,
    Settled,
    Final,
}
