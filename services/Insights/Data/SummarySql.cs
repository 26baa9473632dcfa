namespace MicroInternships.Insights.Data;

/// <summary>The statements of a summary, run as one batch; each reads only the facts it counts (docs/insights.md).</summary>
public static class SummarySql
{
    public static string AsOf => """
        SELECT GREATEST(
            (SELECT max(applied_at) FROM organization_facts), (SELECT max(applied_at) FROM course_facts), (SELECT max(applied_at) FROM listing_facts),
            (SELECT max(applied_at) FROM application_facts), (SELECT max(applied_at) FROM placement_facts), (SELECT max(applied_at) FROM time_entry_facts),
            (SELECT max(applied_at) FROM rating_facts), (SELECT max(applied_at) FROM payout_facts), (SELECT max(applied_at) FROM fund_facts),
            (SELECT max(applied_at) FROM institute_event_facts), (SELECT max(applied_at) FROM registration_facts), (SELECT max(applied_at) FROM slot_facts))
        """;

    public static string Applications(ScopeSql s, string date) => $"""
        SELECT count(*), count(DISTINCT a.student_id) FROM application_facts a {ScopeSql.Joins("a")}
        WHERE {s.Period(date)}{s.Dimensions("a", "l.fund_id")}
        """;

    public static string Started(ScopeSql s) => $"""
        SELECT count(*), count(DISTINCT p.student_id),
               count(DISTINCT p.student_id) FILTER (WHERE p.student_first_started_at < p.started_at),
               count(DISTINCT {ScopeSql.Department})
        FROM placement_facts p {ScopeSql.Joins("p")}
        WHERE {s.Period("p.started_at")}{s.Dimensions("p", "p.fund_id")}
        """;

    public static string Completed(ScopeSql s) => $"""
        SELECT count(*), count(DISTINCT p.student_id),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p.completed_at - p.started_at) / 86400)
                   FILTER (WHERE p.started_at IS NOT NULL),
               count(*) FILTER (WHERE p.auto_approved), coalesce(sum(p.revision_rounds), 0),
               avg(p.logged_hours), avg(p.estimated_hours) FILTER (WHERE p.estimated_hours > 0)
        FROM placement_facts p {ScopeSql.Joins("p")}
        WHERE {s.Period("p.completed_at")}{s.Dimensions("p", "p.fund_id")}
        """;

    public static string Cancelled(ScopeSql s) => $"""
        SELECT count(*), count(DISTINCT p.student_id) FROM placement_facts p {ScopeSql.Joins("p")}
        WHERE {s.Period("p.cancelled_at")}{s.Dimensions("p", "p.fund_id")}
        """;

    /// <summary>Listings published, their courses and faculty, and the partners who published again.</summary>
    public static string Listings(ScopeSql s) => $"""
        WITH published AS (SELECT l.* FROM listing_facts l WHERE {s.Period("l.published_at")}{s.ListingDimensions()})
        SELECT (SELECT count(*) FROM published),
               (SELECT count(DISTINCT l.organization_id) FROM published l WHERE EXISTS (
                   SELECT 1 FROM listing_facts e WHERE e.organization_id = l.organization_id AND e.published_at < l.published_at)),
               (SELECT count(DISTINCT lc.id) FROM published l JOIN course_facts lc ON lc.id = ANY(l.course_ids)
                   {(s.HasCourseLimit ? "WHERE lc.id = ANY(@courses)" : "")}),
               (SELECT count(DISTINCT lc.faculty_id) FROM published l JOIN course_facts lc ON lc.id = ANY(l.course_ids)
                   {(s.HasCourseLimit ? "WHERE lc.id = ANY(@courses)" : "")})
        """;

    /// <summary>Organizations with a listing published in the period or a placement completed in it.</summary>
    public static string ActivePartners(ScopeSql s) => $"""
        SELECT count(*) FROM (
            SELECT l.organization_id FROM listing_facts l WHERE {s.Period("l.published_at")}{s.ListingDimensions()}
            UNION
            SELECT p.organization_id FROM placement_facts p {ScopeSql.Joins("p")} WHERE {s.Period("p.completed_at")}{s.Dimensions("p", "p.fund_id")}) active
        """;

    /// <summary>For each listing published in the period that has a placement: the days until its first, and that student.</summary>
    public static string PublishToFirstPlacement(ScopeSql s) => $"""
        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY first.days), count(DISTINCT first.student_id) FROM (
            SELECT DISTINCT ON (l.id) p.student_id, extract(epoch FROM p.started_at - l.published_at) / 86400 AS days
            FROM listing_facts l JOIN placement_facts p ON p.listing_id = l.id AND p.started_at IS NOT NULL
            WHERE {s.Period("l.published_at")}{s.ListingDimensions()}
            ORDER BY l.id, p.started_at) first
        """;

    /// <summary>Payouts by their status now: a paid one in the period it was paid, any other in the period it opened.</summary>
    public static string PayoutsByStatus(ScopeSql s) => $"""
        SELECT y.status, count(*), coalesce(sum(y.amount_cents), 0), count(DISTINCT y.student_id)
        FROM payout_facts y LEFT JOIN placement_facts p ON p.id = y.placement_id {ScopeSql.Joins("p")}
        WHERE CASE WHEN y.status = 'paid' THEN {s.Period("y.paid_at")} ELSE {s.Period("y.opened_at")} END
              {s.Dimensions("y.organization_id", "p.course_id", "y.fund_id")}
        GROUP BY y.status ORDER BY y.status
        """;

    public static string ApprovalToPaid(ScopeSql s) => $"""
        SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM y.paid_at - y.opened_at) / 3600), count(DISTINCT y.student_id)
        FROM payout_facts y LEFT JOIN placement_facts p ON p.id = y.placement_id {ScopeSql.Joins("p")}
        WHERE y.status = 'paid' AND y.opened_at IS NOT NULL AND {s.Period("y.paid_at")}
              {s.Dimensions("y.organization_id", "p.course_id", "y.fund_id")}
        """;

    public static string Funds(ScopeSql s) => $"""
        SELECT f.id, f.name, f.currency, f.budget_cents, f.reserved_cents, f.spent_cents, f.available_cents FROM fund_facts f
        {(s.HasFund ? "WHERE f.id = @fund" : "")} ORDER BY f.name, f.id
        """;

    public static string HoursLogged(ScopeSql s) => $"""
        SELECT coalesce(sum(t.hours), 0), count(DISTINCT p.student_id)
        FROM time_entry_facts t JOIN placement_facts p ON p.id = t.placement_id {ScopeSql.Joins("p")}
        WHERE {s.Days("t.date")}{s.Dimensions("p", "p.fund_id")}
        """;

    /// <summary>Revealed ratings by side and stars: <c>partner</c> rated the student, <c>student</c> rated the partner.</summary>
    public static string Ratings(ScopeSql s) => $"""
        SELECT side, rating, count(*), count(DISTINCT student_id) FROM (
            SELECT 'partner' AS side, r.partner_rating AS rating, p.student_id
            FROM rating_facts r JOIN placement_facts p ON p.id = r.placement_id {ScopeSql.Joins("p")}
            WHERE r.partner_rating IS NOT NULL AND {s.Period("r.revealed_at")}{s.Dimensions("p", "p.fund_id")}
            UNION ALL
            SELECT 'student', r.student_rating, p.student_id
            FROM rating_facts r JOIN placement_facts p ON p.id = r.placement_id {ScopeSql.Joins("p")}
            WHERE r.student_rating IS NOT NULL AND {s.Period("r.revealed_at")}{s.Dimensions("p", "p.fund_id")}) ratings
        GROUP BY side, rating
        """;

    /// <summary>Registrations for the events that start in the period, by audience and tier.</summary>
    public static string Registrations(ScopeSql s) => $"""
        SELECT r.audience, r.tier,
               count(*) FILTER (WHERE r.status IN ('confirmed', 'checked_in')),
               count(*) FILTER (WHERE r.status = 'waitlisted'),
               count(*) FILTER (WHERE r.promoted),
               count(*) FILTER (WHERE r.status = 'checked_in')
        FROM registration_facts r JOIN institute_event_facts e ON e.id = r.event_id
        WHERE {s.Period("e.starts_at")}
        GROUP BY r.audience, r.tier ORDER BY r.audience, r.tier
        """;

    public static string Slots(ScopeSql s) => $"""
        SELECT sl.organization_id, coalesce(o.name, ''), count(*) FILTER (WHERE NOT sl.withdrawn), count(*) FILTER (WHERE sl.booked AND NOT sl.withdrawn)
        FROM slot_facts sl JOIN institute_event_facts e ON e.id = sl.event_id LEFT JOIN organization_facts o ON o.id = sl.organization_id
        WHERE {s.Period("e.starts_at")}
        GROUP BY sl.organization_id, o.name ORDER BY 4 DESC, 2
        """;

    /// <summary>By department: students placed and placements started (by start), completed (by completion) and dollars paid (by payment).</summary>
    public static string ByDepartment(ScopeSql s) => $"""
        SELECT department, sum(started)::bigint, sum(completed)::bigint, sum(paid)::bigint,
               count(DISTINCT student_id) FILTER (WHERE started > 0), count(DISTINCT student_id) FILTER (WHERE completed > 0),
               count(DISTINCT student_id) FILTER (WHERE paid > 0)
        FROM (
            SELECT {ScopeSql.Department} AS department, p.student_id, 1 AS started, 0 AS completed, 0::bigint AS paid
            FROM placement_facts p {ScopeSql.Joins("p")} WHERE {s.Period("p.started_at")}{s.Dimensions("p", "p.fund_id")}
            UNION ALL
            SELECT {ScopeSql.Department}, p.student_id, 0, 1, 0
            FROM placement_facts p {ScopeSql.Joins("p")} WHERE {s.Period("p.completed_at")}{s.Dimensions("p", "p.fund_id")}
            UNION ALL
            SELECT {ScopeSql.Department}, y.student_id, 0, 0, y.amount_cents
            FROM payout_facts y LEFT JOIN placement_facts p ON p.id = y.placement_id {ScopeSql.Joins("p")}
            WHERE y.status = 'paid' AND {s.Period("y.paid_at")}{s.Dimensions("y.organization_id", "p.course_id", "y.fund_id")}) facts
        GROUP BY department ORDER BY department
        """;
}
