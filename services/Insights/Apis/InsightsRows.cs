using System.Globalization;
using MicroInternships.Insights.Domain;

namespace MicroInternships.Insights.Apis;

/// <summary>A summary as rows of one table (section, measure, breakdown, value): what the CSV and the report's tables show.</summary>
public sealed record InsightsRow(string Section, string Measure, string Breakdown, Figure Value)
{
    public string ValueText => Value.Suppressed ? "suppressed" : Value.Value?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static IEnumerable<InsightsRow> Of(InsightsSummary s)
    {
        static InsightsRow Row(string section, string measure, Figure value, string breakdown = "") => new(section, measure, breakdown, value);
        static Figure Count(long value) => new(value, false);

        var r = s.Reach;
        yield return Row("reach", "studentsApplied", r.StudentsApplied);
        yield return Row("reach", "studentsPlaced", r.StudentsPlaced);
        yield return Row("reach", "studentsCompleted", r.StudentsCompleted);
        yield return Row("reach", "firstTimeStudents", r.FirstTimeStudents);
        yield return Row("reach", "returningStudents", r.ReturningStudents);
        yield return Row("reach", "partnersWithListings", r.PartnersWithListings);
        yield return Row("reach", "returningPartners", r.ReturningPartners);
        yield return Row("reach", "facultyWithLinkedListings", r.FacultyWithLinkedListings);
        yield return Row("reach", "coursesWithLinkedListings", r.CoursesWithLinkedListings);
        yield return Row("reach", "departmentsReached", r.DepartmentsReached);
        var f = s.Flow;
        yield return Row("flow", "listingsPublished", f.ListingsPublished);
        yield return Row("flow", "applications", f.Applications);
        yield return Row("flow", "offers", f.Offers);
        yield return Row("flow", "placementsStarted", f.PlacementsStarted);
        yield return Row("flow", "placementsCompleted", f.PlacementsCompleted);
        yield return Row("flow", "placementsCancelled", f.PlacementsCancelled);
        yield return Row("flow", "offerRate", f.OfferRate);
        yield return Row("flow", "acceptanceRate", f.AcceptanceRate);
        yield return Row("flow", "completionRate", f.CompletionRate);
        yield return Row("flow", "medianDaysPublishToFirstPlacement", f.MedianDaysPublishToFirstPlacement);
        yield return Row("flow", "medianDaysStartToCompletion", f.MedianDaysStartToCompletion);
        yield return Row("flow", "autoApprovedShare", f.AutoApprovedShare);
        yield return Row("flow", "revisionRounds", f.RevisionRounds);
        var m = s.Money;
        yield return Row("money", "paidCents", m.PaidCents);
        yield return Row("money", "onHoldCents", m.OnHoldCents);
        yield return Row("money", "failedCents", m.FailedCents);
        yield return Row("money", "returnedCents", m.ReturnedCents);
        foreach (var status in m.PayoutsByStatus)
        {
            yield return Row("money", "payouts", status.Count, $"status={status.Status}");
            yield return Row("money", "payoutCents", status.AmountCents, $"status={status.Status}");
        }

        yield return Row("money", "medianHoursApprovalToPaid", m.MedianHoursApprovalToPaid);
        foreach (var fund in m.Funds)
        {
            var breakdown = $"fund={fund.Name} ({fund.FundId})";
            yield return Row("money", "fundBudgetCents", Count(fund.BudgetCents), breakdown);
            yield return Row("money", "fundReservedCents", Count(fund.ReservedCents), breakdown);
            yield return Row("money", "fundSpentCents", Count(fund.SpentCents), breakdown);
            yield return Row("money", "fundRemainingCents", Count(fund.RemainingCents), breakdown);
        }

        yield return Row("work", "hoursLogged", s.Work.HoursLogged);
        yield return Row("work", "hoursPerCompletion", s.Work.HoursPerCompletion);
        yield return Row("work", "estimatedHoursPerCompletion", s.Work.EstimatedHoursPerCompletion);
        if (s.Institute is { } institute)
        {
            foreach (var registration in institute.Registrations)
            {
                yield return Row("institute", "registrations", Count(registration.Registered), $"audience={registration.Audience}; tier={registration.Tier}");
            }

            yield return Row("institute", "waitlisted", Count(institute.Waitlisted));
            yield return Row("institute", "promotions", Count(institute.Promotions));
            yield return Row("institute", "checkInRate", new Figure(institute.CheckInRate, false));
            foreach (var slots in institute.SlotsByOrganization)
            {
                yield return Row("institute", "slotsBooked", Count(slots.Booked), $"organization={slots.OrganizationName} ({slots.OrganizationId})");
            }
        }

        foreach (var (side, ratings) in new[] { ("partnerRatingOfStudents", s.Quality.PartnerRatingOfStudents), ("studentRatingOfPartners", s.Quality.StudentRatingOfPartners) })
        {
            yield return Row("quality", $"{side}.count", ratings.Count);
            yield return Row("quality", $"{side}.average", ratings.Average);
            for (var star = 0; star < ratings.Distribution.Count; star++)
            {
                yield return Row("quality", $"{side}.ratings", ratings.Distribution[star], $"stars={star + 1}");
            }
        }

        foreach (var department in s.ByDepartment)
        {
            var breakdown = $"department={department.Department}";
            yield return Row("byDepartment", "studentsPlaced", department.StudentsPlaced, breakdown);
            yield return Row("byDepartment", "placementsStarted", department.PlacementsStarted, breakdown);
            yield return Row("byDepartment", "placementsCompleted", department.PlacementsCompleted, breakdown);
            yield return Row("byDepartment", "paidCents", department.PaidCents, breakdown);
        }
    }
}
