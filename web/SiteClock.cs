using MicroInternships.ServiceDefaults.Calendar;
using Microsoft.Extensions.Options;

namespace MicroInternships.Web;

/// <summary>
/// Now, and the program's time zone (<c>Program:TimeZone</c>, the setting the services count days in): the API answers
/// in UTC, people read local time.
/// </summary>
public sealed class SiteClock(IOptions<ProgramCalendarOptions> options, TimeProvider time)
{
    public TimeZoneInfo ProgramZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset Now => time.GetUtcNow();

    public static TimeZoneInfo Zone(string? timeZone) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
