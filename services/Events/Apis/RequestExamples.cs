using MicroInternships.Events.Domain;

namespace MicroInternships.Events.Apis;

/// <summary>The request bodies the API description shows: the Winter Institute, one of its sessions, a registration, a partner's slot and a talk proposal.</summary>
internal static class EventsRequestExamples
{
    private static readonly TimeSpan _pacific = TimeSpan.FromHours(-8);

    public static readonly object[] All =
    [
        new EventRequest(
            "Winter Institute 2027",
            "Student Union Ballroom",
            "America/Los_Angeles",
            new DateTimeOffset(2027, 1, 14, 8, 30, 0, _pacific),
            new DateTimeOffset(2027, 1, 15, 16, 0, 0, _pacific),
            Capacity: 120,
            new DateTimeOffset(2026, 11, 1, 9, 0, 0, _pacific),
            new DateTimeOffset(2026, 12, 1, 23, 59, 0, _pacific),
            new DateTimeOffset(2027, 1, 7, 23, 59, 0, _pacific),
            [new FeeRequest(Audience.Student, 0, 0), new FeeRequest(Audience.Faculty, 5_000, 7_500), new FeeRequest(Audience.Partner, 15_000, 20_000)])
        {
            ProposalsCloseAt = new DateTimeOffset(2026, 12, 15, 23, 59, 0, _pacific),
        },
        new SessionRequest("Partners meet faculty", SessionKind.WorkingSession,
            new DateTimeOffset(2027, 1, 14, 10, 0, 0, _pacific), new DateTimeOffset(2027, 1, 14, 11, 30, 0, _pacific), "Room 204")
        {
            Presenters = [new PresenterRequest("Casey Morgan", Audience.Staff)],
            Capacity = 40,
        },
        new ProposalRequest(
            "Teaching with micro-internships: a term in review",
            "What changed in my marketing course when students worked on real projects for local employers, and what I would do again.",
            TalkType.FacultyImplementation, CourseId: null),
        new ProposalAcceptance(new DateTimeOffset(2027, 1, 15, 9, 0, 0, _pacific), new DateTimeOffset(2027, 1, 15, 9, 30, 0, _pacific), "Room 101", Capacity: null),
        new ProposalDecline("The reflections block is full; would you join the faculty panel instead?"),
        new RegisterRequest(Audience.Faculty),
        new SlotRequest(new DateTimeOffset(2027, 1, 15, 13, 0, 0, _pacific), new DateTimeOffset(2027, 1, 15, 13, 30, 0, _pacific)),
    ];
}
