using MicroInternships.Clients.Events.Models;

namespace MicroInternships.Web.Tests;

/// <summary>Events as the API returns them, for the event pages' component tests.</summary>
internal static class SampleEvents
{
    public static EventDto WinterInstitute() => new()
    {
        Id = Guid.Parse("0193b6a0-0000-7000-8000-0000000000e1"),
        Title = "Winter Institute",
        Venue = "Student Union",
        TimeZone = "America/Chicago",
        StartsAt = new DateTimeOffset(2027, 1, 14, 15, 0, 0, TimeSpan.Zero),
        EndsAt = new DateTimeOffset(2027, 1, 15, 23, 0, 0, TimeSpan.Zero),
        Capacity = 60,
        ConfirmedCount = 12,
        SeatsLeft = 48,
        RegistrationOpensAt = new DateTimeOffset(2026, 11, 1, 15, 0, 0, TimeSpan.Zero),
        EarlyBirdDeadline = new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero),
        RegistrationClosesAt = new DateTimeOffset(2027, 1, 7, 6, 0, 0, TimeSpan.Zero),
        Fees = [new Fee { Audience = Audience.Student, EarlyBirdCents = 0, RegularCents = 0 }],
        Sessions = [],
        Version = 3,
        CreatedAt = DateTimeOffset.UtcNow,
    };
}
