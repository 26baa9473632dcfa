using MicroInternships.Listings.Domain;

namespace MicroInternships.Listings.SampleData;

/// <summary>
/// Development sample data, marked as such in every name: partners, courses and listings chosen so that matching
/// has something to show (each course shares skills or a discipline with some listings and not others).
/// The organization ids are fixed so a development token can name one in its <c>org</c> claim.
/// </summary>
public static class SampleListings
{
    public static readonly Guid HarborHealth = Guid.Parse("0193b6a0-0000-7000-8000-000000000001");
    public static readonly Guid CascadeAnalytics = Guid.Parse("0193b6a0-0000-7000-8000-000000000002");
    public static readonly Guid EvergreenCredit = Guid.Parse("0193b6a0-0000-7000-8000-000000000003");
    public static readonly Guid TideLineStudio = Guid.Parse("0193b6a0-0000-7000-8000-000000000004");

    public static IReadOnlyList<(Guid Id, string Name, string Website, string Description)> Organizations { get; } =
    [
        (HarborHealth, "Harbor Health Clinic (sample)", "https://example.org/harbor-health", "A community clinic network improving patient outreach."),
        (CascadeAnalytics, "Cascade Analytics (sample)", "https://example.com/cascade", "A small data consultancy serving regional retailers."),
        (EvergreenCredit, "Evergreen Credit Union (sample)", "https://example.com/evergreen", "A member-owned credit union with twelve branches."),
        (TideLineStudio, "Tideline Studio (sample)", "https://example.com/tideline", "A design studio for nonprofits and public agencies."),
    ];

    public static IReadOnlyList<(string FacultyId, string FacultyName, string Code, string Title, string Department, string[] Disciplines, string[] Skills, int Enrollment)> Courses { get; } =
    [
        ("f-rivera", "Dr. Elena Rivera", "MKTG 340", "Digital Marketing Strategy", "Marketing", ["Marketing"], ["social media", "content strategy", "analytics", "copywriting"], 42),
        ("f-chen", "Prof. Wei Chen", "BUS 301", "Business Analytics", "Business", ["Business Analytics", "Finance"], ["SQL", "Excel", "data visualization", "forecasting"], 55),
        ("f-okafor", "Dr. Ngozi Okafor", "HSA 420", "Health Services Operations", "Health Sciences", ["Health Administration"], ["process improvement", "Excel", "survey design"], 28),
        ("f-lindqvist", "Prof. Anna Lindqvist", "DES 250", "Design for Social Impact", "Design", ["Design", "Marketing"], ["user research", "Figma", "copywriting"], 24),
    ];

    /// <summary>The program's own time zone: a sample deadline on a date means 23:59:59 there.</summary>
    public static readonly TimeZoneInfo ProgramTimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    public static IReadOnlyList<(Guid OrganizationId, ListingTerms Terms)> Listings(DateTimeOffset now)
    {
        // Each deadline is the end of its own day there: days added to an instant would drift by an hour across a
        // daylight-saving change.
        var threeWeeks = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, ProgramTimeZone).DateTime).AddDays(21);
        DateTimeOffset DaysAfter(int days) => EndOfDay(threeWeeks.AddDays(days));
        var deadline = DaysAfter(0);
        return
        [
            (HarborHealth, Terms("Patient outreach survey redesign", "Redesign and pilot our patient satisfaction survey.",
                "Work with our operations lead to redesign the clinic's patient survey, pilot it at two sites and summarize the results.",
                ["survey design", "process improvement", "Excel"], "Health Administration", 30, 60_000, 2, deadline, WorkMode.Hybrid, "Tacoma, WA")),
            (CascadeAnalytics, Terms("Retail sales dashboard", "Build a weekly sales dashboard from point-of-sale exports.",
                "Clean three years of point-of-sale exports with SQL, model seasonality and publish a dashboard a store manager can read.",
                ["SQL", "data visualization", "forecasting"], "Business Analytics", 40, 80_000, 1, DaysAfter(7), WorkMode.Remote, null)),
            (CascadeAnalytics, Terms("Customer churn spreadsheet model", "Turn a churn analysis into a reusable Excel model.",
                "Rebuild an ad hoc churn analysis as a documented Excel model with scenario inputs for account managers.",
                ["Excel", "analytics"], "Finance", 24, 43_200, 1, DaysAfter(3), WorkMode.Remote, null)),
            (EvergreenCredit, Terms("Financial literacy social campaign", "Plan a month of social media content on budgeting for students.",
                "Research what students ask about budgeting, write a content calendar and draft posts our marketing team can schedule.",
                ["social media", "content strategy", "copywriting"], "Marketing", 25, 45_000, 3, deadline, WorkMode.Hybrid, "Olympia, WA")),
            (TideLineStudio, Terms("Volunteer sign-up flow research", "Interview volunteers and prototype a simpler sign-up flow.",
                "Run five user interviews, map the current volunteer sign-up journey and prototype an improved flow in Figma.",
                ["user research", "Figma"], "Design", 32, 57_600, 1, DaysAfter(10), WorkMode.Onsite, "Seattle, WA")),
            (EvergreenCredit, Terms("Branch wait-time analysis", "Measure and explain branch wait times.",
                "Collect a month of queue data from two branches, find the drivers of long waits and recommend staffing changes.",
                ["process improvement", "SQL", "analytics"], "Business Analytics", 36, 64_800, 1, DaysAfter(14), WorkMode.Onsite, "Lacey, WA")),
        ];
    }

    private static DateTimeOffset EndOfDay(DateOnly date)
    {
        var local = date.ToDateTime(new TimeOnly(23, 59, 59));
        return new DateTimeOffset(local, ProgramTimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static ListingTerms Terms(string title, string summary, string description, string[] skills, string discipline, int hours, long cents,
        int openings, DateTimeOffset deadline, WorkMode workMode, string? location) =>
        new(title, summary, description, skills, discipline, hours, cents, "USD", openings, deadline, workMode, location);
}
