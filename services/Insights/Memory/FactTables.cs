namespace MicroInternships.Insights.Memory;

/// <summary>The facts the figures count, as in the database at one moment; written only by <see cref="FactsInMemory"/>.</summary>
internal sealed class FactTables
{
    /// <summary>The department of a placement with neither a known course nor a known listing: the empty one.</summary>
    public const int NoDepartment = 0;

    private readonly Dictionary<string, int> _students = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _departments = new(StringComparer.Ordinal) { [""] = NoDepartment };
    private readonly List<string> _departmentNames = [""];

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

    public int DepartmentCount => _departmentNames.Count;

    public string DepartmentName(int department) => _departmentNames[department];

    public int DepartmentNumberOf(string name)
    {
        if (!_departments.TryGetValue(name, out var department))
        {
            department = _departmentNames.Count;
            _departments.Add(name, department);
            _departmentNames.Add(name);
        }

        return department;
    }

    /// <summary>The number of a department name, or -1 when no fact names it.</summary>
    public int FindDepartment(string name) => _departments.GetValueOrDefault(name, -1);

    /// <summary>A placement's department: its course's, else its listing's discipline, else empty.</summary>
    public int DepartmentOf(int listing, int course) =>
        course >= 0 && Courses[course].Known ? Courses[course].Department
        : listing >= 0 && Listings[listing].Known ? Listings[listing].DisciplineDepartment
        : NoDepartment;
}
