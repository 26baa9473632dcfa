using MicroInternships.Insights.Apis;
using MicroInternships.Insights.Domain;

namespace MicroInternships.Insights.Memory;

/// <summary>
/// A summary's figures counted from the facts in memory, each as docs/insights.md defines it: a placement by the moment
/// of its milestone, a payout paid by when it was paid and any other by when it opened, hours by the day worked.
/// </summary>
internal sealed class SummaryCounts(FactTables t, ScopeFilter scope)
{
    private const double SecondsPerDay = 86_400, SecondsPerHour = 3_600;

    public SummaryRows Count()
    {
        var rows = new SummaryRows();
        rows.AsOf = t.AsOf;
        rows.Applications = Applications(a => a.SubmittedAt);
        rows.Offers = Applications(a => a.OfferedAt);
        rows.Started = Started();
        rows.Completed = Completed();
        rows.Cancelled = Cancelled();
        var published = Published();
        rows.Listings = Listings(published);
        rows.ActivePartners = ActivePartners(published);
        rows.PublishToFirstPlacement = PublishToFirstPlacement(published);
        rows.Payouts = Payouts();
        rows.ApprovalToPaid = ApprovalToPaid();
        rows.Hours = Hours();
        rows.Ratings = Ratings();
        rows.Departments = Departments();
        return rows;
    }

    private StudentSet Students() => new(t.StudentCount);

    private Measured Applications(Func<ApplicationRow, DateTimeOffset?> moment)
    {
        var (count, students) = (0L, Students());
        foreach (ref readonly var a in t.Applications.Rows)
        {
            if (a.Known && scope.Period(moment(a)) && scope.Application(a))
            {
                count++;
                students.Add(a.Student);
            }
        }

        return new Measured(count, students.Count);
    }

    private (Measured Count, Measured Returning, long Departments) Started()
    {
        var (count, students, returning, departments) = (0L, Students(), Students(), new HashSet<string>(StringComparer.Ordinal));
        foreach (ref readonly var p in t.Placements.Rows)
        {
            if (p.Known && scope.Period(p.StartedAt) && scope.Placement(p))
            {
                count++;
                students.Add(p.Student);
                if (p.StudentFirstStartedAt < p.StartedAt)
                {
                    returning.Add(p.Student);
                }

                departments.Add(t.DepartmentOf(p.Listing, p.Course));
            }
        }

        return (new Measured(count, students.Count), new Measured(returning.Count, returning.Count), departments.Count);
    }

    private CompletedRow Completed()
    {
        var (count, students, days) = (0L, Students(), new List<double>());
        var (autoApproved, revisions, logged, estimated, estimatedCount) = (0L, 0L, 0m, 0L, 0L);
        foreach (ref readonly var p in t.Placements.Rows)
        {
            if (p.Known && scope.Period(p.CompletedAt) && scope.Placement(p))
            {
                count++;
                students.Add(p.Student);
                if (p.StartedAt is { } started)
                {
                    days.Add((p.CompletedAt!.Value - started).TotalSeconds / SecondsPerDay);
                }

                autoApproved += p.AutoApproved ? 1 : 0;
                revisions += p.RevisionRounds;
                logged += p.LoggedHours;
                if (p.EstimatedHours > 0)
                {
                    estimated += p.EstimatedHours;
                    estimatedCount++;
                }
            }
        }

        return new CompletedRow(
            new Measured(count, students.Count), Median.Of(days), autoApproved, revisions, Median.Average(logged, count), Median.Average(estimated, estimatedCount));
    }

    private Measured Cancelled()
    {
        var (count, students) = (0L, Students());
        foreach (ref readonly var p in t.Placements.Rows)
        {
            if (p.Known && scope.Period(p.CancelledAt) && scope.Placement(p))
            {
                count++;
                students.Add(p.Student);
            }
        }

        return new Measured(count, students.Count);
    }

    /// <summary>The positions of the listings published in the period.</summary>
    private List<int> Published()
    {
        var published = new List<int>();
        var listings = t.Listings.Rows;
        for (var position = 0; position < listings.Length; position++)
        {
            if (listings[position].Known && scope.Period(listings[position].PublishedAt) && scope.Listing(listings[position]))
            {
                published.Add(position);
            }
        }

        return published;
    }

    /// <summary>Listings published, the partners who had published before, and the courses (and their faculty) the listings are linked to.</summary>
    private (long Published, long ReturningPartners, long Courses, long Faculty) Listings(List<int> published)
    {
        var firstPublished = new Dictionary<Guid, DateTimeOffset>();
        foreach (ref readonly var l in t.Listings.Rows)
        {
            if (l.Known && l.PublishedAt is { } at && (!firstPublished.TryGetValue(l.OrganizationId, out var first) || at < first))
            {
                firstPublished[l.OrganizationId] = at;
            }
        }

        var (returning, courses, faculty) = (new HashSet<Guid>(), new HashSet<int>(), new HashSet<string>(StringComparer.Ordinal));
        foreach (var position in published)
        {
            ref readonly var l = ref t.Listings[position];
            if (firstPublished[l.OrganizationId] < l.PublishedAt)
            {
                returning.Add(l.OrganizationId);
            }

            foreach (var course in l.Courses)
            {
                if (t.Courses[course].Known && scope.SeesCourse(course) && courses.Add(course))
                {
                    faculty.Add(t.Courses[course].FacultyId);
                }
            }
        }

        return (published.Count, returning.Count, courses.Count, faculty.Count);
    }

    /// <summary>Organizations with a listing published in the period or a placement completed in it.</summary>
    private long ActivePartners(List<int> published)
    {
        var active = published.Select(position => t.Listings[position].OrganizationId).ToHashSet();
        foreach (ref readonly var p in t.Placements.Rows)
        {
            if (p.Known && scope.Period(p.CompletedAt) && scope.Placement(p))
            {
                active.Add(p.OrganizationId);
            }
        }

        return active.Count;
    }

    /// <summary>For each listing published in the period that has a placement: the days until its first start, and that student.</summary>
    private Measured PublishToFirstPlacement(List<int> published)
    {
        var first = new (DateTimeOffset At, int Student)?[t.Listings.Count];
        foreach (ref readonly var p in t.Placements.Rows)
        {
            if (p.Known && p.Listing >= 0 && p.StartedAt is { } started && (first[p.Listing] is not { } earliest || started < earliest.At))
            {
                first[p.Listing] = (started, p.Student);
            }
        }

        var (days, students) = (new List<double>(), Students());
        foreach (var position in published)
        {
            if (first[position] is { } placement)
            {
                days.Add((placement.At - t.Listings[position].PublishedAt!.Value).TotalSeconds / SecondsPerDay);
                students.Add(placement.Student);
            }
        }

        return new Measured(Median.Of(days), students.Count);
    }

    /// <summary>Payouts by their status now: a paid one in the period it was paid, any other in the period it opened.</summary>
    private List<(string Status, long Count, long Amount, long Students)> Payouts()
    {
        var statuses = new Dictionary<string, Tally>(StringComparer.Ordinal);
        foreach (ref readonly var y in t.Payouts.Rows)
        {
            if (y.Known && scope.Period(y.Status == "paid" ? y.PaidAt : y.OpenedAt) && scope.Payout(y))
            {
                TallyOf(statuses, y.Status).Add(y.AmountCents, y.Student);
            }
        }

        return [.. statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => (s.Key, s.Value.Count, s.Value.Sum, s.Value.Students.Count))];
    }

    private Measured ApprovalToPaid()
    {
        var (hours, students) = (new List<double>(), Students());
        foreach (ref readonly var y in t.Payouts.Rows)
        {
            if (y.Known && y.Status == "paid" && y.OpenedAt is { } opened && scope.Period(y.PaidAt) && scope.Payout(y))
            {
                hours.Add((y.PaidAt!.Value - opened).TotalSeconds / SecondsPerHour);
                students.Add(y.Student);
            }
        }

        return new Measured(Median.Of(hours), students.Count);
    }

    private Measured Hours()
    {
        var (hours, students) = (0m, Students());
        foreach (ref readonly var e in t.TimeEntries.Rows)
        {
            if (e.Known && scope.Days(e.Date) && t.Placements[e.Placement] is { Known: true } p && scope.Placement(p))
            {
                hours += e.Hours;
                students.Add(p.Student);
            }
        }

        return new Measured(hours, students.Count);
    }

    /// <summary>Revealed ratings by side and stars: <c>partner</c> rated the student, <c>student</c> rated the partner.</summary>
    private List<(string Side, int Rating, long Count, long Students)> Ratings()
    {
        var cells = new Dictionary<(string Side, int Rating), Tally>();
        foreach (ref readonly var r in t.Ratings.Rows)
        {
            if (r.Known && scope.Period(r.RevealedAt) && t.Placements[r.Placement] is { Known: true } p && scope.Placement(p))
            {
                if (r.PartnerRating is { } partner)
                {
                    TallyOf(cells, ("partner", partner)).Add(1, p.Student);
                }

                if (r.StudentRating is { } student)
                {
                    TallyOf(cells, ("student", student)).Add(1, p.Student);
                }
            }
        }

        return [.. cells.Select(c => (c.Key.Side, c.Key.Rating, c.Value.Count, c.Value.Students.Count))];
    }

    private Tally TallyOf<TKey>(Dictionary<TKey, Tally> tallies, TKey key) where TKey : notnull
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tallies[key] = tally = new Tally(Students());
        }

        return tally;
    }

    /// <summary>By department: students placed and placements started (by start), completed (by completion) and dollars paid (by payment).</summary>
    private List<DepartmentRow> Departments()
    {
        var departments = new Dictionary<string, (Tally Started, Tally Completed, Tally Paid)>(StringComparer.Ordinal);
        (Tally Started, Tally Completed, Tally Paid) Of(string department) =>
            departments.TryGetValue(department, out var tallies) ? tallies : departments[department] = (new(Students()), new(Students()), new(Students()));

        foreach (ref readonly var p in t.Placements.Rows)
        {
            if (p.Known && scope.Placement(p))
            {
                if (scope.Period(p.StartedAt))
                {
                    Of(t.DepartmentOf(p.Listing, p.Course)).Started.Add(1, p.Student);
                }

                if (scope.Period(p.CompletedAt))
                {
                    Of(t.DepartmentOf(p.Listing, p.Course)).Completed.Add(1, p.Student);
                }
            }
        }

        foreach (ref readonly var y in t.Payouts.Rows)
        {
            if (y.Known && y.Status == "paid" && scope.Period(y.PaidAt) && scope.Payout(y))
            {
                var p = t.Placements[y.Placement];
                Of(p.Known ? t.DepartmentOf(p.Listing, p.Course) : "").Paid.Add(y.AmountCents, y.Student);
            }
        }

        return
        [
            .. departments.OrderBy(d => d.Key, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.Key, StringComparer.Ordinal).Select(d => new DepartmentRow(
                d.Key, d.Value.Started.Count, d.Value.Completed.Count, d.Value.Paid.Sum,
                d.Value.Started.Students.Count, d.Value.Completed.Students.Count, d.Value.Paid.Students.Count)),
        ];
    }

    /// <summary>A group's rows, what they add up to, and their distinct students.</summary>
    private sealed class Tally(StudentSet students)
    {
        public long Count { get; private set; }

        public long Sum { get; private set; }

        public StudentSet Students => students;

        public void Add(long amount, int student)
        {
            Count++;
            Sum += amount;
            students.Add(student);
        }
    }
}
