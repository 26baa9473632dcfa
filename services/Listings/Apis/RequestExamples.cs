using MicroInternships.Listings.Domain;

namespace MicroInternships.Listings.Apis;

/// <summary>The request bodies the API description shows: a partner registering and posting a survey project, faculty adopting it.</summary>
internal static class ListingsRequestExamples
{
    private static readonly Guid _organization = Guid.Parse("0193b6a0-0000-7000-8000-000000000002");
    private static readonly Guid _course = Guid.Parse("0193b6a0-0000-7000-8000-0000000000c1");

    public static readonly object[] All =
    [
        new OrganizationRequest("Cascade Analytics", "https://cascade-analytics.example", "Retail analytics for independent stores in the Pacific Northwest.", PublicListings: true),
        new ListingRequest(
            _organization,
            "Customer loyalty survey",
            "Design and run a short loyalty survey for three of our client stores.",
            "Draft the questionnaire with our analyst, run it online for two weeks, and present the findings in a ten-slide deck.",
            ["survey design", "data analysis"],
            "Marketing",
            EstimatedHours: 25,
            new Compensation(62_500, "USD"),
            Openings: 2,
            new DateTimeOffset(2027, 2, 15, 23, 59, 0, TimeSpan.FromHours(-8)),
            WorkMode.Remote,
            Location: null,
            FundId: null),
        new CourseRequestBody("MKT 340", "Marketing Research", "Spring 2027", "Marketing", ["Marketing"], ["survey design", "statistics"], 32),
        new CourseRequestAsk(_course, "Your students would run the survey end to end; happy to join a class session to brief them."),
        new CourseNeedRequest(
            new DateOnly(2027, 3, 29),
            new DateOnly(2027, 6, 11),
            ProjectsWanted: 3,
            ["survey design", "statistics"],
            ["Marketing"],
            "Students design a survey instrument, collect and clean real responses, and present findings to a client.",
            PreferredHours: 25,
            WorkMode.Remote),
        new InvitationRequest("dana.lee@cascade-analytics.example"),
        new InvitationAcceptance("the-token-from-the-invitation-link"),
        new PartnerInterestRequest(
            "Harbor Books", "https://harborbooks.example", "Robin Park", "robin.park@harborbooks.example",
            "A customer survey for our new store, and a marketing plan for our events.", LeaveEmpty: null),
        new PartnerInterestConfirmation("the-token-from-the-confirmation-link"),
        new PartnerInterestDecline("We place students with local businesses only; we would welcome you in the spring."),
        new CourseRequestAnswer("This term's projects are already set; please propose it again for the autumn."),
    ];
}
