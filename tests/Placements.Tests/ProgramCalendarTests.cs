using MicroInternships.ServiceDefaults.Calendar;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MicroInternships.Placements.Tests;

/// <summary>Days are the program's, not the server's or UTC's: what time entries are dated by.</summary>
public sealed class ProgramCalendarTests
{
    [Theory]
    [InlineData("2026-01-10T05:00:00Z", "America/Los_Angeles", "2026-01-09")] // 21:00 the evening before in Los Angeles
    [InlineData("2026-01-10T08:00:00Z", "America/Los_Angeles", "2026-01-10")] // midnight there
    [InlineData("2026-07-10T06:59:59Z", "America/Los_Angeles", "2026-07-09")] // daylight saving time: UTC-7
    [InlineData("2026-01-09T20:00:00Z", "Pacific/Kiritimati", "2026-01-10")] // UTC+14: already tomorrow
    public void DateOf_IsTheCalendarDayInTheProgramsTimeZone(string instant, string timeZone, string expected)
    {
        var now = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        var calendar = new ProgramCalendar(Options.Create(new ProgramCalendarOptions { TimeZone = timeZone }), new FakeTimeProvider(now));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), calendar.DateOf(now));
        Assert.Equal(calendar.DateOf(now), calendar.Today);
    }
}
