using MicroInternships.Insights.Apis;
using MicroInternships.Insights.Domain;

namespace MicroInternships.Insights.Memory;

/// <summary>
/// A summary's figures counted from the facts in memory, each as docs/insights.md defines it: a placement by the moment
/// of its milestone, a payout paid by when it was paid and any other by when it opened, hours by the day worked. Each
/// table is read once, every figure it feeds counted on the way, and the large tables at the same time, each on a
/// core of its own, tallying into groups of its own.
/// </summary>
internal sealed class SummaryCounts(FactTables t, ScopeFilter scope)
{
    private readonly Tally?[] _startedIn = new Tally?[t.DepartmentCount];
    private readonly Tally?[] _completedIn = new Tally?[t.DepartmentCount];
    private readonly Tally?[] _paidIn = new Tally?[t.DepartmentCount];
    private readonly HashSet<Guid> _activePartners = [];

    public SummaryRows Count()
    {
        var rows = new SummaryRows { AsOf = t.AsOf };
        (long At, int Student)?[] firstStarts = [];
        Parallel.Invoke(
            () => (rows.Applications, rows.Offers) = Applications(),
            () => CountPlacements(rows),
            () => firstStarts = FirstStarts(),
            () => CountPayouts(rows),
            () => (rows.Hours, rows.Ratings) = (Hours(), Ratings()));
        var published = Published();
        rows.Listings = Listings(published);
        _activePartners.UnionWith(published.Select(position => t.Listings[position].OrganizationId));
        rows.ActivePartners = _activePartners.Count;
        rows.PublishToFirstPlacement = PublishToFirstPlacement(published, firstStarts);
        CountPayouts(rows);
        rows.Hours = Hours();
        rows.Ratings = Ratings();
        rows.Departments =
        [
            .. Enumerable.Range(0, t.DepartmentCount).Where(d => _startedIn[d] is not null || _completedIn[d] is not null || _paidIn[d] is not null)
                .OrderBy(t.DepartmentName, StringComparer.OrdinalIgnoreCase).ThenBy(t.DepartmentName, StringComparer.Ordinal)
                .Select(d => new DepartmentRow(t.DepartmentName(d), _startedIn[d]?.Count ?? 0, _completedIn[d]?.Count ?? 0, _paidIn[d]?.Sum ?? 0,
                    _startedIn[d]?.Students.Count ?? 0, _completedIn[d]?.Students.Count ?? 0, _paidIn[d]?.Students.Count ?? 0)),
        ];
        return rows;
    }

    private StudentSet Students() => new(t.StudentCount);

    /// <summary>Applications by when they were submitted, offers by when they were made.</summary>
    private (Measured Applications, Measured Offers) Applications()
    {
        var (applications, offers) = (new Tally(Students()), new Tally(Students()));
        foreach (ref readonly var a in t.Applications.Rows)
        {
            if (a.Known && scope.Application(a))
            {
                if (scope.Period(a.SubmittedAt))
                {
                    applications.Add(1, a.Student);
                }

                if (scope.Period(a.OfferedAt))
                {
                    offers.Add(1, a.Student);
                }
            }
        }

        return (applications.CountAndStudents, offers.CountAndStudents);
    }

    /// <summary>Placements started, completed and cancelled in the period, with the partners and departments they reach.</summary>
    private void CountPlacements(SummaryRows rows)
    {
        var (started, returning) = (new Tally(Students()), Students());
        var (completed, cancelled) = (new Tally(Students()), new Tally(Students()));
        using var days = new MedianValues(t.Placements.Count);
        var (autoApproved, revisions, logged, estimated, estimatedCount) = (0L, 0L, 0m, 0L, 0L);
        foreach (ref readonly var p in t.Placements.Rows)
        {
            if (!p.Known || !scope.Placement(p))
            {
                continue;
            }

            if (scope.Period(p.CancelledAt))
            {
                cancelled.Add(1, p.Student);
            }

            var (isStarted, isCompleted) = (scope.Period(p.StartedAt), scope.Period(p.CompletedAt));
            if (!isStarted && !isCompleted)
            {
                continue;
            }

            var department = t.DepartmentOf(p.Listing, p.Course);
            if (isStarted)
            {
                started.Add(1, p.Student);
                if (p.StudentFirstStartedAt != Moment.None && p.StudentFirstStartedAt < p.StartedAt)
                {
                    returning.Add(p.Student);
                }

                In(_startedIn, department).Add(1, p.Student);
            }

            if (isCompleted)
            {
                completed.Add(1, p.Student);
                In(_completedIn, department).Add(1, p.Student);
                _activePartners.Add(p.OrganizationId);
                if (p.StartedAt != Moment.None)
                {
                    days.Add(Moment.Days(p.StartedAt, p.CompletedAt));
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

        var departments = _startedIn.Count(tally => tally is not null);
        rows.Started = (started.CountAndStudents, new Measured(returning.Count, returning.Count), departments);
        rows.Completed = new CompletedRow(
            completed.CountAndStudents, days.Median(), autoApproved, revisions, Median.Average(logged, completed.Count), Median.Average(estimated, estimatedCount));
        rows.Cancelled = cancelled.CountAndStudents;
    }

    /// <summary>For each listing, its placement that started first (whatever the filters): the moment and the student.</summary>
    private (long At, int Student)?[] FirstStarts()
    {
        var first = new (long At, int Student)?[t.Listings.Count];
        foreach (ref readonly var p in t.Placements.Rows)
        {
            if (p.Known && p.Listing >= 0 && p.StartedAt != Moment.None && (first[p.Listing] is not { } earliest || p.StartedAt < earliest.At))
            {
                first[p.Listing] = (p.StartedAt, p.Student);
            }
        }

        return first;
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
        var firstPublished = new Dictionary<Guid, long>();
        foreach (ref readonly var l in t.Listings.Rows)
        {
            if (l.Known && l.PublishedAt != Moment.None && (!firstPublished.TryGetValue(l.OrganizationId, out var first) || l.PublishedAt < first))
            {
                firstPublished[l.OrganizationId] = l.PublishedAt;
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

    /// <summary>For each listing published in the period that has a placement: the days until its first start, and that student.</summary>
    private Measured PublishToFirstPlacement(List<int> published, (long At, int Student)?[] firstStarts)
    {
        var students = Students();
        using var days = new MedianValues(published.Count);
        foreach (var position in published)
        {
            if (firstStarts[position] is { } first)
            {
                days.Add(Moment.Days(t.Listings[position].PublishedAt, first.At));
                students.Add(first.Student);
            }
        }

        return new Measured(days.Median(), students.Count);
    }

    /// <summary>
    /// Payouts by their status now (a paid one in the period it was paid, any other in the period it opened), the hours
    /// from approval to payment, and the dollars paid by department.
    /// </summary>
    private void CountPayouts(SummaryRows rows)
    {
        // Statuses are interned as they are loaded: one string per status, told apart by reference.
        var (statuses, paidStudents) = (new Dictionary<string, Tally>(ReferenceEqualityComparer.Instance), Students());
        using var hours = new MedianValues(t.Payouts.Count);
        foreach (ref readonly var y in t.Payouts.Rows)
        {
            var paid = y.Status == "paid";
            if (!y.Known || !scope.Period(paid ? y.PaidAt : y.OpenedAt) || !scope.Payout(y))
            {
                continue;
            }

            TallyOf(statuses, y.Status).Add(y.AmountCents, y.Student);
            if (paid)
            {
                ref readonly var p = ref t.Placements[y.Placement];
                In(_paidIn, p.Known ? t.DepartmentOf(p.Listing, p.Course) : FactTables.NoDepartment).Add(y.AmountCents, y.Student);
                if (y.OpenedAt != Moment.None)
                {
                    hours.Add(Moment.Hours(y.OpenedAt, y.PaidAt));
                    paidStudents.Add(y.Student);
                }
            }
        }

        rows.Payouts = [.. statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => (s.Key, s.Value.Count, s.Value.Sum, s.Value.Students.Count))];
        rows.ApprovalToPaid = new Measured(hours.Median(), paidStudents.Count);
    }

    private Measured Hours()
    {
        var (hours, students) = (0m, Students());
        foreach (ref readonly var e in t.TimeEntries.Rows)
        {
            if (!e.Known || !scope.Days(e.Date))
            {
                continue;
            }

            ref readonly var p = ref t.Placements[e.Placement];
            if (p.Known && scope.Placement(p))
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
        var (byPartners, byStudents) = (new Dictionary<int, Tally>(), new Dictionary<int, Tally>());
        foreach (ref readonly var r in t.Ratings.Rows)
        {
            if (!r.Known || !scope.Period(r.RevealedAt))
            {
                continue;
            }

            ref readonly var p = ref t.Placements[r.Placement];
            if (p.Known && scope.Placement(p))
            {
                if (r.PartnerRating is { } partner)
                {
                    TallyOf(byPartners, partner).Add(1, p.Student);
                }

                if (r.StudentRating is { } student)
                {
                    TallyOf(byStudents, student).Add(1, p.Student);
                }
            }
        }

        return
        [
            .. byPartners.Select(c => ("partner", c.Key, c.Value.Count, c.Value.Students.Count)),
            .. byStudents.Select(c => ("student", c.Key, c.Value.Count, c.Value.Students.Count)),
        ];
    }

    private Tally In(Tally?[] departments, int department) => departments[department] ??= new Tally(Students());

    private Tally TallyOf<TKey>(Dictionary<TKey, Tally> tallies, TKey key) where TKey : notnull
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tallies[key] = tally = new Tally(Students());
        }

        return tally;
    }

    /// <summary>A group's rows, what they add up to, and their distinct students.</summary>
    private sealed class Tally(StudentSet students)
    {
        public long Count { get; private set; }

        public long Sum { get; private set; }

        public StudentSet Students => students;

        public Measured CountAndStudents => new(Count, students.Count);

        public void Add(long amount, int student)
        {
            Count++;
            Sum += amount;
            students.Add(student);
        }
    }
}
