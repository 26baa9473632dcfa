namespace MicroInternships.Insights.Data;

/// <summary>
/// The measures a series can chart, each as the fact it counts, the date it is counted by and what it adds up; the
/// week is the program's (Monday to Sunday in its time zone).
/// </summary>
public static class SeriesSql
{
    public static readonly IReadOnlyDictionary<string, Func<ScopeSql, bool, string>> Measures = new Dictionary<string, Func<ScopeSql, bool, string>>
    {
        ["listings_published"] = (s, weekly) => Weekly(weekly, "count(*)", "NULL::bigint", "l.published_at", "listing_facts l", s.ListingDimensions(), s),
        ["applications"] = (s, weekly) => Weekly(weekly, "count(*)", "count(DISTINCT a.student_id)", "a.submitted_at", $"application_facts a {ScopeSql.Joins("a")}", s.Dimensions("a", "l.fund_id"), s),
        ["offers"] = (s, weekly) => Weekly(weekly, "count(*)", "count(DISTINCT a.student_id)", "a.offered_at", $"application_facts a {ScopeSql.Joins("a")}", s.Dimensions("a", "l.fund_id"), s),
        ["placements_started"] = (s, weekly) => Weekly(weekly, "count(*)", "count(DISTINCT p.student_id)", "p.started_at", $"placement_facts p {ScopeSql.Joins("p")}", s.Dimensions("p", "p.fund_id"), s),
        ["placements_completed"] = (s, weekly) => Weekly(weekly, "count(*)", "count(DISTINCT p.student_id)", "p.completed_at", $"placement_facts p {ScopeSql.Joins("p")}", s.Dimensions("p", "p.fund_id"), s),
        ["placements_cancelled"] = (s, weekly) => Weekly(weekly, "count(*)", "count(DISTINCT p.student_id)", "p.cancelled_at", $"placement_facts p {ScopeSql.Joins("p")}", s.Dimensions("p", "p.fund_id"), s),
        ["paid_cents"] = (s, weekly) => Weekly(weekly, "coalesce(sum(y.amount_cents), 0)", "count(DISTINCT y.student_id)", "y.paid_at",
            $"payout_facts y LEFT JOIN placement_facts p ON p.id = y.placement_id {ScopeSql.Joins("p")}",
            " AND y.status = 'paid'" + s.Dimensions("y.organization_id", "p.course_id", "y.fund_id"), s),
        ["hours_logged"] = (s, weekly) => $"""
            SELECT {(weekly ? "date_trunc('week', t.date)::date" : "NULL::date")}, coalesce(sum(t.hours), 0), count(DISTINCT p.student_id)
            FROM time_entry_facts t JOIN placement_facts p ON p.id = t.placement_id {ScopeSql.Joins("p")}
            WHERE {s.Days("t.date")}{s.Dimensions("p", "p.fund_id")}
            {(weekly ? "GROUP BY 1 ORDER BY 1" : "")}
            """,
    };

    /// <param name="weekly">By week, or the whole period in one row: the total the weeks add up to.</param>
    private static string Weekly(bool weekly, string value, string students, string date, string from, string dimensions, ScopeSql s) => $"""
        SELECT {(weekly ? $"date_trunc('week', {date} AT TIME ZONE @tz)::date" : "NULL::date")}, {value}, {students}
        FROM {from}
        WHERE {s.Period(date)}{dimensions}
        {(weekly ? "GROUP BY 1 ORDER BY 1" : "")}
        """;
}
