using Microsoft.Extensions.Options;

namespace MicroInternships.Web;

/// <summary>Now, and the program's time zone: the API answers in UTC, people read local time.</summary>
public sealed class SiteClock(IOptions<SiteOptions> options, TimeProvider time)
{
    public TimeZoneInfo ProgramZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.ProgramTimeZone);

    public DateTimeOffset Now => time.GetUtcNow();

    public static TimeZoneInfo Zone(string? timeZone) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
