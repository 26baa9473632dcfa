using MicroInternships.Web.Api.Contracts;

namespace MicroInternships.Web.Tests;

/// <summary>Events as the API returns them, for the event pages' component tests.</summary>
internal static class SampleEvents
{
    public static Event WinterInstitute() => new(
        Guid.Parse("0193b6a0-0000-7000-8000-0000000000e1"), "Winter Institute", "Student Union", "America/Chicago",
        new DateTimeOffset(2027, 1, 14, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 15, 23, 0, 0, TimeSpan.Zero),
        Capacity: 60, ConfirmedCount: 12, SeatsLeft: 48,
        new DateTimeOffset(2026, 11, 1, 15, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2027, 1, 7, 6, 0, 0, TimeSpan.Zero), [new Fee("student", 0, 0)], [], Version: 3, DateTimeOffset.UtcNow);
}
