using System.Data.Common;

namespace MicroInternships.Insights.Memory;

/// <summary>
/// For each fact table held in memory, the statement reading its rows written since a transaction (<c>@since</c>) and
/// how one row read is put in place.
/// </summary>
internal static class FactReads
{
    private const string PlacementColumns =
        "id, listing_id, course_id, organization_id, fund_id, student_id, started_at, student_first_started_at, completed_at, cancelled_at, "
        + "auto_approved, revision_rounds, logged_hours, estimated_hours";

    public static readonly IReadOnlyList<(string Table, string Columns, Func<DbDataReader, Action<FactTables>> Row)> All =
    [
        ("course_facts", "id, faculty_id, department", r =>
        {
            var (id, faculty, department) = (r.GetGuid(0), r.GetString(1), r.GetString(2));
            return t => t.Courses.Put(id, new CourseRow(true, faculty, t.DepartmentNumberOf(department)));
        }),
        ("listing_facts", "id, organization_id, fund_id, discipline, course_ids, published_at", r =>
        {
            var (id, organization, fund, discipline) = (r.GetGuid(0), r.GetGuid(1), Fund(r, 2), r.GetString(3));
            var (courses, published) = (r.GetFieldValue<Guid[]>(4), MomentOf(r, 5));
            return t => t.Listings.Put(id, new ListingRow(
                true, organization, fund, discipline, t.DepartmentNumberOf(discipline), [.. courses.Select(t.Courses.PositionOf)], published));
        }),
        ("application_facts", "id, listing_id, course_id, organization_id, student_id, submitted_at, offered_at", r =>
        {
            var (id, listing, course, organization, student) = (r.GetGuid(0), r.GetGuid(1), NullableGuid(r, 2), r.GetGuid(3), r.GetString(4));
            var (submitted, offered) = (MomentOf(r, 5), MomentOf(r, 6));
            return t => t.Applications.Put(id, new ApplicationRow(
                true, t.Listings.PositionOf(listing), t.CourseOf(course), organization, t.StudentOf(student), submitted, offered));
        }),
        ("placement_facts", PlacementColumns, r =>
        {
            var (id, listing, course, organization, fund, student) = (r.GetGuid(0), r.GetGuid(1), NullableGuid(r, 2), r.GetGuid(3), Fund(r, 4), r.GetString(5));
            var (started, firstStarted, completed, cancelled) = (MomentOf(r, 6), MomentOf(r, 7), MomentOf(r, 8), MomentOf(r, 9));
            var (autoApproved, revisions, logged, estimated) = (r.GetBoolean(10), r.GetInt32(11), r.GetDecimal(12), r.GetInt32(13));
            return t => t.Placements.Put(id, new PlacementRow(true, t.Listings.PositionOf(listing), t.CourseOf(course), organization, fund,
                t.StudentOf(student), started, firstStarted, completed, cancelled, autoApproved, revisions, logged, estimated));
        }),
        ("time_entry_facts", "id, placement_id, date, hours", r =>
        {
            var (id, placement, date, hours) = (r.GetGuid(0), r.GetGuid(1), r.GetFieldValue<DateOnly>(2), r.GetDecimal(3));
            return t => t.TimeEntries.Put(id, new TimeEntryRow(true, t.Placements.PositionOf(placement), date, hours));
        }),
        ("rating_facts", "placement_id, partner_rating, student_rating, revealed_at", r =>
        {
            var (placement, partner, student, revealed) = (r.GetGuid(0), NullableInt(r, 1), NullableInt(r, 2), MomentOf(r, 3));
            return t => t.Ratings.Put(placement, new RatingRow(true, t.Placements.PositionOf(placement), partner, student, revealed));
        }),
        ("payout_facts", "id, placement_id, organization_id, fund_id, student_id, status, amount_cents, opened_at, paid_at", r =>
        {
            var (id, placement, organization, fund, student, status) = (r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), Fund(r, 3), r.GetString(4), r.GetString(5));
            var (amount, opened, paid) = (r.GetInt64(6), MomentOf(r, 7), MomentOf(r, 8));
            return t => t.Payouts.Put(id, new PayoutRow(
                true, t.Placements.PositionOf(placement), organization, fund, t.StudentOf(student), string.Intern(status), amount, opened, paid));
        }),
    ];

    /// <summary>The latest <c>applied_at</c> of the small tables: those not held in memory, and the courses (indexed).</summary>
    public const string AsOfOfOtherTables = """
        SELECT GREATEST(
            (SELECT max(applied_at) FROM organization_facts), (SELECT max(applied_at) FROM course_facts), (SELECT max(applied_at) FROM fund_facts),
            (SELECT max(applied_at) FROM institute_event_facts), (SELECT max(applied_at) FROM registration_facts), (SELECT max(applied_at) FROM slot_facts))
        """;

    /// <summary>A table's rows written by a transaction at or after <c>@since</c>, with their <c>applied_at</c> last.</summary>
    public static string Changed(string table, string columns) => $"SELECT {columns}, applied_at FROM {table} WHERE change_xid >= @since";

    private static Guid? NullableGuid(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetGuid(ordinal);

    private static int? NullableInt(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetInt32(ordinal);

    private static Guid Fund(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? Guid.Empty : r.GetGuid(ordinal);

    private static long MomentOf(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? Moment.None : r.GetFieldValue<DateTimeOffset>(ordinal).UtcTicks;
}
