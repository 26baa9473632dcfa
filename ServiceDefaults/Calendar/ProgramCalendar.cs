using Microsoft.Extensions.Options;

namespace MicroInternships.ServiceDefaults.Calendar;

/// <summary>Which calendar day and term an instant falls on for the program, whatever the server's own time zone.</summary>
public sealed class ProgramCalendar(IOptions<ProgramCalendarOptions> options, TimeProvider clock)
{
    public TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public IReadOnlyList<ProgramTerm> Terms { get; } = [.. options.Value.Terms.OrderBy(term => term.Start)];

    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    public DateOnly Today => DateOf(clock.GetUtcNow());

    /// <summary>The instant a program day begins (midnight there), in UTC.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        var offset = TimeZone.IsInvalidTime(midnight) ? TimeZone.GetUtcOffset(midnight.AddHours(1)) : TimeZone.GetUtcOffset(midnight);
        return new DateTimeOffset(midnight, offset).ToUniversalTime();
    }

    public ProgramTerm? TermNamed(string name) =>
        Terms.FirstOrDefault(term => string.Equals(term.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    public ProgramTerm? TermOf(DateOnly day) => Terms.FirstOrDefault(term => term.Contains(day));
}
