using Microsoft.Extensions.Options;

namespace MicroInternships.ServiceDefaults.Calendar;

/// <summary>Which calendar day an instant falls on for the program, whatever the server's own time zone.</summary>
public sealed class ProgramCalendar(IOptions<ProgramCalendarOptions> options, TimeProvider clock)
{
    public TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    public DateOnly Today => DateOf(clock.GetUtcNow());
}
