namespace MicroInternships.Insights.Memory;

// The columns of each fact the figures count. Another row is pointed at by its position in its table (-1: none named);
// Known is false for a row some fact named that has not been loaded yet.

internal readonly record struct CourseRow(bool Known, string FacultyId, string Department)
{
    public static readonly CourseRow Missing = new(false, "", "");
}

internal readonly record struct ListingRow(bool Known, Guid OrganizationId, Guid? FundId, string Discipline, int[] Courses, DateTimeOffset? PublishedAt)
{
    public static readonly ListingRow Missing = new(false, Guid.Empty, null, "", [], null);
}

internal readonly record struct ApplicationRow(
    bool Known, int Listing, int Course, Guid OrganizationId, int Student, DateTimeOffset SubmittedAt, DateTimeOffset? OfferedAt)
{
    public static readonly ApplicationRow Missing = new(false, -1, -1, Guid.Empty, -1, default, null);
}

internal readonly record struct PlacementRow(
    bool Known,
    int Listing,
    int Course,
    Guid OrganizationId,
    Guid? FundId,
    int Student,
    DateTimeOffset? StartedAt,
    DateTimeOffset? StudentFirstStartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? CancelledAt,
    bool AutoApproved,
    int RevisionRounds,
    decimal LoggedHours,
    int EstimatedHours)
{
    public static readonly PlacementRow Missing = new(false, -1, -1, Guid.Empty, null, -1, null, null, null, null, false, 0, 0, 0);
}

internal readonly record struct TimeEntryRow(bool Known, int Placement, DateOnly Date, decimal Hours)
{
    public static readonly TimeEntryRow Missing = new(false, -1, default, 0);
}

internal readonly record struct RatingRow(bool Known, int Placement, int? PartnerRating, int? StudentRating, DateTimeOffset RevealedAt)
{
    public static readonly RatingRow Missing = new(false, -1, null, null, default);
}

internal readonly record struct PayoutRow(
    bool Known, int Placement, Guid OrganizationId, Guid? FundId, int Student, string Status, long AmountCents, DateTimeOffset? OpenedAt, DateTimeOffset? PaidAt)
{
    public static readonly PayoutRow Missing = new(false, -1, Guid.Empty, null, -1, "", 0, null, null);
}
