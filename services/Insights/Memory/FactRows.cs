namespace MicroInternships.Insights.Memory;

// The columns of each fact the figures count, small enough that a pass over a long history stays in the caches: a
// moment is its UTC ticks (Moment.None when there is none), a missing fund Guid.Empty. Another row is pointed at by
// its position in its table (-1: none named); Known is false for a row some fact named that has not been loaded yet.
// A department is its number in FactTables; a listing's discipline is numbered there too, as a placement without a
// course takes its listing's discipline for its department.

internal readonly record struct CourseRow(bool Known, string FacultyId, int Department)
{
    public static readonly CourseRow Missing = new(false, "", FactTables.NoDepartment);
}

internal readonly record struct ListingRow(
    bool Known, Guid OrganizationId, Guid FundId, string Discipline, int DisciplineDepartment, int[] Courses, long PublishedAt)
{
    public static readonly ListingRow Missing = new(false, Guid.Empty, Guid.Empty, "", FactTables.NoDepartment, [], Moment.None);
}

internal readonly record struct ApplicationRow(bool Known, int Listing, int Course, Guid OrganizationId, int Student, long SubmittedAt, long OfferedAt)
{
    public static readonly ApplicationRow Missing = new(false, -1, -1, Guid.Empty, -1, Moment.None, Moment.None);
}

internal readonly record struct PlacementRow(
    bool Known,
    int Listing,
    int Course,
    Guid OrganizationId,
    Guid FundId,
    int Student,
    long StartedAt,
    long StudentFirstStartedAt,
    long CompletedAt,
    long CancelledAt,
    bool AutoApproved,
    int RevisionRounds,
    decimal LoggedHours,
    int EstimatedHours)
{
    public static readonly PlacementRow Missing = new(false, -1, -1, Guid.Empty, Guid.Empty, -1, Moment.None, Moment.None, Moment.None, Moment.None, false, 0, 0, 0);
}

internal readonly record struct TimeEntryRow(bool Known, int Placement, DateOnly Date, decimal Hours)
{
    public static readonly TimeEntryRow Missing = new(false, -1, default, 0);
}

internal readonly record struct RatingRow(bool Known, int Placement, int? PartnerRating, int? StudentRating, long RevealedAt)
{
    public static readonly RatingRow Missing = new(false, -1, null, null, Moment.None);
}

internal readonly record struct PayoutRow(
    bool Known, int Placement, Guid OrganizationId, Guid FundId, int Student, string Status, long AmountCents, long OpenedAt, long PaidAt)
{
    public static readonly PayoutRow Missing = new(false, -1, Guid.Empty, Guid.Empty, -1, "", 0, Moment.None, Moment.None);
}

/// <summary>A moment in memory: its UTC ticks, <see cref="None"/> for no moment.</summary>
internal static class Moment
{
    public const long None = 0;

    public static long Of(DateTimeOffset? moment) => moment?.UtcTicks ?? None;

    public static double Days(long from, long to) => (double)(to - from) / TimeSpan.TicksPerDay;

    public static double Hours(long from, long to) => (double)(to - from) / TimeSpan.TicksPerHour;
}
