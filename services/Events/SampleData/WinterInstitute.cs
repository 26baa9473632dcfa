using MicroInternships.Events.Domain;

namespace MicroInternships.Events.SampleData;

/// <summary>
/// Development sample data, marked as such: the Academic Innovation Winter Institute on micro-internships, two days
/// in January, 8:30 to 16:00 Pacific, with an early-bird deadline on 8 December and a final one on 22 December.
/// </summary>
public static class WinterInstitute
{
    public const string TimeZoneId = "America/Los_Angeles";
    public const string Venue = "College of Business Administration (sample)";

    private static readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>The edition whose final deadline is still ahead of <paramref name="now"/>, so registration is open when someone tries it.</summary>
    public static int NextEditionYear(DateTimeOffset now)
    {
        var year = TimeZoneInfo.ConvertTime(now, _zone).Year + 1;
        return now <= EndOfDay(year - 1, 12, 22) ? year : year + 1;
    }

    public static EventTerms Edition(int year, DateTimeOffset now)
    {
        // Registration opens the day after the previous edition ended (or yesterday, if that is later than now).
        var opens = Local(year - 1, 1, 19, 9, 0);
        var yesterday = now.AddDays(-1);
        return new EventTerms(
            $"Academic Innovation Winter Institute {year}: micro-internships (sample)",
            Venue,
            TimeZoneId,
            Local(year, 1, 17, 8, 30),
            Local(year, 1, 18, 16, 0),
            Capacity: 120,
            opens < yesterday || year <= now.Year ? opens : yesterday,
            EndOfDay(year - 1, 12, 8),
            EndOfDay(year - 1, 12, 22),
            [
                new Fee(Audience.Student, 0, 0),
                new Fee(Audience.Faculty, 7_500, 9_500),
                new Fee(Audience.Partner, 15_000, 20_000),
            ],
            ProposalsCloseAt: EndOfDay(year - 1, 12, 15));
    }

    private static readonly Presenter[] Staff = [new("Program coordinators (sample)", Audience.Staff)];
    private static readonly Presenter[] Faculty = [new("Fran Faculty (sample)", Audience.Faculty)];

    /// <summary>The agenda: who presents, and the working sessions' places (they fill the collaboration hall's tables).</summary>
    public static IEnumerable<(string Title, SessionKind Kind, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Room, Presenter[] Presenters, int? Capacity)> Sessions(int year) =>
    [
        ("Welcome: why micro-internships", SessionKind.Presentation, Local(year, 1, 17, 8, 30), Local(year, 1, 17, 9, 0), "Atrium", Staff, null),
        ("How to create and run a micro-internship", SessionKind.Presentation, Local(year, 1, 17, 9, 0), Local(year, 1, 17, 10, 30), "Room 101", Staff, null),
        ("Resources for faculty and partners", SessionKind.Presentation, Local(year, 1, 17, 10, 45), Local(year, 1, 17, 12, 0), "Room 101", Staff, null),
        ("Working sessions with partners", SessionKind.WorkingSession, Local(year, 1, 17, 13, 0), Local(year, 1, 17, 16, 0), "Collaboration hall", Staff, 60),
        ("Faculty reflections", SessionKind.Reflections, Local(year, 1, 18, 8, 30), Local(year, 1, 18, 10, 0), "Room 101", Faculty, null),
        ("Student reflections", SessionKind.Reflections, Local(year, 1, 18, 10, 15), Local(year, 1, 18, 11, 45), "Room 101", Staff, null),
        ("Assessing micro-internship learning", SessionKind.Presentation, Local(year, 1, 18, 12, 45), Local(year, 1, 18, 14, 0), "Room 204", Faculty, null),
        ("One-on-one time with partners", SessionKind.OneOnOne, Local(year, 1, 18, 14, 0), Local(year, 1, 18, 16, 0), "Collaboration hall", [], null),
    ];

    /// <summary>Partners of the Listings sample data who offer one-on-one time, and when (day two, from 14:00).</summary>
    public static IEnumerable<(string PartnerId, string PartnerName, Guid OrganizationId, DateTimeOffset StartsAt, DateTimeOffset EndsAt)> Slots(int year) =>
        from partner in new[]
        {
            ("p-cascade", "Priya Partner (Cascade Analytics, sample)", Guid.Parse("0193b6a0-0000-7000-8000-000000000002")),
            ("p-harbor", "Hector Partner (Harbor Health Clinic, sample)", Guid.Parse("0193b6a0-0000-7000-8000-000000000001")),
        }
        from start in new[] { 0, 30, 60 }
        select (partner.Item1, partner.Item2, partner.Item3, Local(year, 1, 18, 14, 0).AddMinutes(start), Local(year, 1, 18, 14, 0).AddMinutes(start + 30));

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>A date-only deadline means 23:59:59 local time on that date.</summary>
    private static DateTimeOffset EndOfDay(int year, int month, int day) => Local(year, month, day, 23, 59).AddSeconds(59);
}
