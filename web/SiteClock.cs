using MicroInternships.ServiceDefaults.Calendar;

namespace MicroInternships.Web;

/// <summary>
/// Now, and the program's calendar (<c>Program:TimeZone</c>, the one the services count days in): the API answers
/// in UTC, people read local time.
/// </summary>
public sealed class SiteClock(ProgramCalendar calendar, TimeProvider time)
{
    public TimeZoneInfo ProgramZone => calendar.TimeZone;

    /// <summary>Today in the program's time zone: the last day the API takes time entries for.</summary>
    public DateOnly Today => calendar.Today;

    public DateTimeOffset Now => time.GetUtcNow();

    public static TimeZoneInfo Zone(string? timeZone) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
