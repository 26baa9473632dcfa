namespace MicroInternships.Insights.Memory;

/// <summary>The facts the figures count, as in the database at one moment; written only by <see cref="FactsInMemory"/>.</summary>
internal sealed class FactTables
{
    private readonly Dictionary<string, int> _students = new(StringComparer.Ordinal);

    public FactTable<CourseRow> Courses { get; } = new(CourseRow.Missing);

    public FactTable<ListingRow> Listings { get; } = new(ListingRow.Missing);

    public FactTable<ApplicationRow> Applications { get; } = new(ApplicationRow.Missing);

    public FactTable<PlacementRow> Placements { get; } = new(PlacementRow.Missing);

    public FactTable<TimeEntryRow> TimeEntries { get; } = new(TimeEntryRow.Missing);

    public FactTable<RatingRow> Ratings { get; } = new(RatingRow.Missing);

    public FactTable<PayoutRow> Payouts { get; } = new(PayoutRow.Missing);

    /// <summary>How many distinct students the facts name: a student is a number below this (<see cref="StudentSet"/>).</summary>
    public int StudentCount => _students.Count;

    /// <summary>The latest <c>applied_at</c> of the rows loaded.</summary>
    public DateTimeOffset? AsOf { get; set; }

    public int StudentOf(string studentId)
    {
        if (!_students.TryGetValue(studentId, out var student))
        {
            student = _students.Count;
            _students.Add(studentId, student);
        }

        return student;
    }

    public int CourseOf(Guid? courseId) => courseId is { } id ? Courses.PositionOf(id) : -1;

    /// <summary>A placement's department: its course's, else its listing's discipline, else empty.</summary>
    public string DepartmentOf(int listing, int course) =>
        course >= 0 && Courses[course].Known ? Courses[course].Department
        : listing >= 0 && Listings[listing].Known ? Listings[listing].Discipline
        : "";
}
