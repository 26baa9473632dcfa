namespace MicroInternships.Insights.Data;

/// <summary>
/// The figures read from the database rather than from the facts in memory: the funds, and the Institute's
/// registrations and slots, each a few rows (docs/insights.md).
/// </summary>
public static class SummarySql
{
    public static string Funds(ScopeSql s) => $"""
        SELECT f.id, f.name, f.currency, f.budget_cents, f.reserved_cents, f.spent_cents, f.available_cents FROM fund_facts f
        {(s.HasFund ? "WHERE f.id = @fund" : "")} ORDER BY f.name, f.id
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
}
