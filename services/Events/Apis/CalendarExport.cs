using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MicroInternships.Events.Data;
using MicroInternships.ServiceDefaults.Errors;
using MicroInternships.ServiceDefaults.Json;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Events.Apis;

/// <summary>
/// An event's agenda as an iCalendar file (RFC 5545): one VEVENT per session, in the event's time zone; an event with
/// no sessions yet is one VEVENT of its own, so a calendar subscribed early still shows the days.
/// </summary>
public static class CalendarExport
{
    public static async Task<IResult> GetAsync(Guid id, EventsDbContext db, CancellationToken cancellationToken)
    {
        var found = await db.Events.AsNoTracking().Include(e => e.Sessions).FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw DomainRuleException.NotFound("event");
        var calendar = new Calendar { ProductId = "-//Micro-Internships//Events//EN" };
        calendar.AddTimeZone(found.TimeZone, found.StartsAt.UtcDateTime.AddDays(-1), includeHistoricalData: false);
        foreach (var session in found.Sessions.OrderBy(s => s.StartsAt))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{session.Id}@micro-internships",
                Summary = session.Title,
                Description = session.Presenters.Count == 0
                    ? $"{found.Title} ({session.Kind.ToString()})"
                    : $"{found.Title} ({session.Kind.ToString()}), presented by {string.Join(", ", session.Presenters.Select(p => $"{p.Name} ({WireName.Of(p.Role)})"))}",
                Location = session.Room is null ? found.Venue : $"{session.Room}, {found.Venue}",
                Start = Local(session.StartsAt, found.TimeZone),
                End = Local(session.EndsAt, found.TimeZone),
                DtStamp = new CalDateTime(found.CreatedAt.UtcDateTime, "UTC", hasTime: true),
            });
        }

        if (found.Sessions.Count == 0)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{found.Id}@micro-internships",
                Summary = found.Title,
                Location = found.Venue,
                Start = Local(found.StartsAt, found.TimeZone),
                End = Local(found.EndsAt, found.TimeZone),
                DtStamp = new CalDateTime(found.CreatedAt.UtcDateTime, "UTC", hasTime: true),
            });
        }

        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return Results.Text(text, "text/calendar; charset=utf-8");
    }

    /// <summary>Local wall time by Ical.Net's own zone data, the same that writes the VTIMEZONE, so readers get the instant back.</summary>
    private static CalDateTime Local(DateTimeOffset instant, string tzId) =>
        new CalDateTime(instant.UtcDateTime, "UTC", hasTime: true).ToTimeZone(tzId);
}
