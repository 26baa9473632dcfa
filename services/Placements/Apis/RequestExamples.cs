using MicroInternships.Placements.Domain;

namespace MicroInternships.Placements.Apis;

/// <summary>The request bodies the API description shows: a student applying, working, both sides closing the placement, and its credential.</summary>
internal static class PlacementsRequestExamples
{
    public static readonly object[] All =
    [
        new ApplyRequest(
            Guid.Parse("0193b6a0-0000-7000-8000-0000000000aa"),
            "I ran the campus survey club for two years and analysed our results in R.",
            Guid.Parse("0193b6a0-0000-7000-8000-0000000000c1")),
        new TimeEntryRequest(new DateOnly(2027, 3, 2), 2.5m, "Drafted the questionnaire with the analyst."),
        new SubmitWorkRequest("https://drive.example/cascade/loyalty-survey-findings.pdf", "The deck and the raw responses are in the shared folder."),
        new RevisionRequest("Please add the response rate per store to slide 4."),
        new ApprovalRequest(5, "Clear findings we can act on; the store managers loved the deck.",
        [
            new EndorsementRequest("critical_thinking", "Spotted that two stores' samples skewed the loyalty score and reweighted them."),
            new EndorsementRequest("communication", "Presented the findings to twelve store managers in plain words."),
        ]),
        new CancelRequest("Exams came earlier than planned.", PayableCents: null),
        new SettlementRequest(12_000, "Six of the hours logged went to the questionnaire we used."),
        new DisputeRequest("I logged every hour I worked, including the store visits."),
        new ReflectionRequest("Writing questions that do not lead the answer was harder than the analysis."),
        new SharingRequest(ReflectionSharing.Anonymous),
        new StudentFeedbackRequest(5, "A real project with a patient mentor."),
        new CredentialChoiceRequest(IncludeName: false),
        new RevocationRequest("misconduct", "The report was found to have been written by someone else; see the program office."),
        new PortfolioRequest("maya-chen", "Survey analysis and data visualisation for local retailers", Published: true),
    ];
}
