using MicroInternships.Insights.Domain;

namespace MicroInternships.Insights.Apis;

internal sealed record CompletedRow(Measured Count, decimal? MedianDays, long AutoApproved, long RevisionRounds, decimal? HoursLogged, decimal? HoursEstimated);

internal sealed record DepartmentRow(string Department, long Started, long Completed, long PaidCents, long StudentsPlaced, long StudentsCompleted, long StudentsPaid);

/// <summary>What a summary's statements read, before anything is hidden.</summary>
internal sealed class SummaryRows
{
    public DateTimeOffset? AsOf { get; set; }

    public Measured Applications { get; set; }

    public Measured Offers { get; set; }

    public (Measured Count, Measured Returning, long Departments) Started { get; set; }

    public CompletedRow Completed { get; set; } = null!;

    public Measured Cancelled { get; set; }

    public (long Published, long ReturningPartners, long Courses, long Faculty) Listings { get; set; }

    public long ActivePartners { get; set; }

    public Measured PublishToFirstPlacement { get; set; }

    public List<(string Status, long Count, long Amount, long Students)> Payouts { get; set; } = [];

    public Measured ApprovalToPaid { get; set; }

    public Measured Hours { get; set; }

    public List<(string Side, int Rating, long Count, long Students)> Ratings { get; set; } = [];

    public List<DepartmentRow> Departments { get; set; } = [];

    public List<FundFigures> Funds { get; set; } = [];

    public List<(string Audience, string Tier, long Registered, long Waitlisted, long Promoted, long CheckedIn)>? Registrations { get; set; }

    public List<SlotFigures> Slots { get; set; } = [];
}

/// <summary>Shapes the rows into the summary, each figure through the small-count rule and each breakdown as a group.</summary>
internal static class SummaryShape
{
    public static InsightsSummary Of(InsightsScope scope, string timeZone, SummaryRows rows, Suppression hide, IReadOnlyList<string> payoutStatuses)
    {
        var started = rows.Started.Count;
        var placed = new Measured(started.Students, started.Students);
        var studentsPlaced = hide.Show(placed);
        var returning = rows.Started.Returning;
        var (_, split) = hide.Group(placed, [new Measured(placed.Value - returning.Value, placed.Students - returning.Students), returning]);
        var applications = hide.Show(rows.Applications);
        var offers = hide.Show(rows.Offers);
        var startedShown = hide.Show(started);
        var completed = rows.Completed;
        var completedShown = hide.Show(completed.Count);

        var reach = new ReachFigures(
            hide.Show(new Measured(rows.Applications.Students, rows.Applications.Students)),
            studentsPlaced,
            hide.Show(new Measured(completed.Count.Students, completed.Count.Students)),
            split[0],
            split[1],
            Plain(rows.ActivePartners),
            Plain(rows.Listings.ReturningPartners),
            Plain(rows.Listings.Faculty),
            Plain(rows.Listings.Courses),
            hide.Derived(rows.Started.Departments, startedShown));

        var flow = new FlowFigures(
            Plain(rows.Listings.Published),
            applications,
            offers,
            startedShown,
            completedShown,
            hide.Show(rows.Cancelled),
            hide.Derived(Rate(rows.Offers.Value, rows.Applications.Value), offers, applications),
            hide.Derived(Rate(started.Value, rows.Offers.Value), startedShown, offers),
            hide.Derived(Rate(completed.Count.Value, started.Value), completedShown, startedShown),
            hide.Show(rows.PublishToFirstPlacement),
            hide.Derived(completed.MedianDays, completedShown),
            hide.Derived(Rate(completed.AutoApproved, completed.Count.Value), completedShown),
            hide.Derived(completed.RevisionRounds, completedShown));

        var payouts = payoutStatuses
            .Select(status => rows.Payouts.FirstOrDefault(p => p.Status == status) is { Status: not null } row ? row : (status, 0, 0, 0))
            .ToList();
        var (_, payoutCells) = hide.Group(
            new Measured(payouts.Sum(p => p.Item2), payouts.Sum(p => p.Item4)),
            [.. payouts.Select(p => new Measured(p.Item2, p.Item4))]);
        var byStatus = payouts.Select((p, i) => new PayoutStatusFigures(
            p.Item1, payoutCells[i], payoutCells[i].Suppressed ? Figure.Hidden : new Figure(p.Item3, false))).ToList();
        Figure AmountOf(string status) => byStatus.Single(p => p.Status == status).AmountCents;
        var paid = AmountOf("paid");
        var money = new MoneyFigures(
            paid, AmountOf("on_hold"), AmountOf("failed"), AmountOf("returned"), byStatus,
            hide.Show(rows.ApprovalToPaid), rows.Funds);

        var work = new WorkFigures(
            hide.Show(rows.Hours),
            hide.Derived(completed.HoursLogged, completedShown),
            hide.Derived(completed.HoursEstimated, completedShown));

        var quality = new QualityFigures(Ratings(rows, "partner", hide), Ratings(rows, "student", hide));

        return new InsightsSummary(
            InsightsPeriod.Of(scope, timeZone),
            InsightsFilters.Of(scope),
            rows.AsOf,
            hide.Applies,
            reach,
            flow,
            money,
            work,
            Institute(rows),
            quality,
            Departments(rows, started, completed.Count, placed, paid, rows.Payouts.FirstOrDefault(p => p.Status == "paid"), hide));
    }

    private static Figure Plain(decimal? value) => new(value, false);

    private static decimal? Rate(decimal? part, decimal? whole) => whole is > 0 && part is not null ? Math.Round(part.Value / whole.Value, 4) : null;

    private static RatingFigures Ratings(SummaryRows rows, string side, Suppression hide)
    {
        var stars = Enumerable.Range(1, 5)
            .Select(star => rows.Ratings.FirstOrDefault(r => r.Side == side && r.Rating == star) is { Side: not null } r
                ? new Measured(r.Count, r.Students) : new Measured(0, 0))
            .ToList();
        var all = rows.Ratings.Where(r => r.Side == side).ToList();
        var count = new Measured(all.Sum(r => r.Count), all.Sum(r => r.Students));
        var (total, cells) = hide.Group(count, stars);
        var average = all.Sum(r => r.Count) is > 0 and var n ? Math.Round((decimal)all.Sum(r => r.Rating * r.Count) / n, 2) : (decimal?)null;
        return new RatingFigures(total, hide.Derived(average, total), cells);
    }

    private static InstituteFigures? Institute(SummaryRows rows)
    {
        if (rows.Registrations is not { } registrations)
        {
            return null;
        }

        var seated = registrations.Sum(r => r.Registered);
        return new InstituteFigures(
            [.. registrations.Where(r => r.Registered > 0).Select(r => new RegistrationFigures(r.Audience, r.Tier, (int)r.Registered))],
            (int)registrations.Sum(r => r.Waitlisted),
            (int)registrations.Sum(r => r.Promoted),
            seated > 0 ? Math.Round((decimal)registrations.Sum(r => r.CheckedIn) / seated, 4) : null,
            rows.Slots);
    }

    private static List<DepartmentFigures> Departments(
        SummaryRows rows, Measured started, Measured completed, Measured placed, Figure paid,
        (string Status, long Count, long Amount, long Students) paidRow, Suppression hide)
    {
        var departments = rows.Departments;
        var (_, placedCells) = hide.Group(placed, [.. departments.Select(d => new Measured(d.StudentsPlaced, d.StudentsPlaced))]);
        var (_, startedCells) = hide.Group(started, [.. departments.Select(d => new Measured(d.Started, d.StudentsPlaced))]);
        var (_, completedCells) = hide.Group(completed, [.. departments.Select(d => new Measured(d.Completed, d.StudentsCompleted))]);
        var paidTotal = paid.Suppressed ? new Measured(paidRow.Amount, 0) : new Measured(paidRow.Amount, paidRow.Students);
        var (_, paidCells) = hide.Group(paidTotal, [.. departments.Select(d => new Measured(d.PaidCents, d.StudentsPaid))]);
        return [.. departments.Select((d, i) => new DepartmentFigures(d.Department, placedCells[i], startedCells[i], completedCells[i], paidCells[i]))];
    }
}
