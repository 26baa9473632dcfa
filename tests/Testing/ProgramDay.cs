namespace MicroInternships.Testing;

/// <summary>The program's calendar day (America/Los_Angeles by default, as the services count days), for time entries.</summary>
public static class ProgramDay
{
    private static readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, _zone).DateTime);
}
