using MicroInternships.Insights.Domain;

namespace MicroInternships.Insights.Memory;

/// <summary>
/// A scope over the facts in memory: the period over a fact's own moment, and the dimensions over what a fact reaches
/// them by (its own columns, its listing's, its course's). A fact whose listing or course is not known matches no
/// filter on it, and its department is its course's, else its listing's discipline, else empty.
/// </summary>
internal sealed class ScopeFilter
{
    private readonly InsightsScope _scope;
    private readonly FactTables _tables;
    private readonly int _course;
    private readonly HashSet<int>? _courses;
    private readonly int _department;
    private readonly long _from;
    private readonly long _to;
    private readonly bool _everything;

    public ScopeFilter(InsightsScope scope, FactTables tables)
    {
        _scope = scope;
        _tables = tables;
        _course = scope.CourseId is { } course ? tables.Courses.Find(course) : -1;
        _courses = scope.Courses?.Select(tables.Courses.Find).Where(position => position >= 0).ToHashSet();
        _department = scope.Department is { } department ? tables.FindDepartment(department) : -1;
        (_from, _to) = (scope.From?.UtcTicks ?? long.MinValue, scope.To?.UtcTicks ?? long.MaxValue);
        _everything = scope.IsProgramWide;
    }

    public bool Period(long moment) => moment != Moment.None && moment >= _from && moment < _to;

    public bool Days(DateOnly day) => (_scope.FromDay is not { } from || day >= from) && (_scope.ToDay is not { } to || day <= to);

    /// <summary>Whether a course is one the caller may count: any, or for a faculty member one of their own.</summary>
    public bool SeesCourse(int course) => _courses is null || _courses.Contains(course);

    public bool Placement(in PlacementRow p) => _everything || Dimensions(p.OrganizationId, p.Course, p.FundId, p.Listing);

    /// <summary>An application's fund is its listing's.</summary>
    public bool Application(in ApplicationRow a) =>
        _everything || Dimensions(a.OrganizationId, a.Course, _scope.FundId is null ? Guid.Empty : ListingFund(a.Listing), a.Listing);

    /// <summary>A payout's organization and fund are its own; its course, listing and department its placement's.</summary>
    public bool Payout(in PayoutRow y)
    {
        if (_everything)
        {
            return true;
        }

        ref readonly var p = ref _tables.Placements[y.Placement];
        return p.Known ? Dimensions(y.OrganizationId, p.Course, y.FundId, p.Listing) : Dimensions(y.OrganizationId, -1, y.FundId, -1);
    }

    public bool Listing(in ListingRow l)
    {
        if (_everything)
        {
            return true;
        }

        if ((_scope.OrganizationId is { } organization && l.OrganizationId != organization)
            || (_scope.CourseId is not null && Array.IndexOf(l.Courses, _course) < 0)
            || (_courses is not null && !l.Courses.Any(_courses.Contains))
            || (_scope.FundId is { } fund && l.FundId != fund)
            || (_scope.Discipline is { } discipline && l.Discipline != discipline))
        {
            return false;
        }

        if (_scope.Department is null)
        {
            return true;
        }

        if (l.Courses.Length == 0)
        {
            return l.DisciplineDepartment == _department;
        }

        foreach (var course in l.Courses)
        {
            if (_tables.Courses[course].Known && _tables.Courses[course].Department == _department)
            {
                return true;
            }
        }

        return false;
    }

    private bool Dimensions(Guid organization, int course, Guid fund, int listing) =>
        (_scope.OrganizationId is not { } o || organization == o)
        && (_scope.CourseId is null || (course >= 0 && course == _course))
        && (_courses is null || (course >= 0 && _courses.Contains(course)))
        && (_scope.FundId is not { } f || fund == f)
        && (_scope.Discipline is not { } d || (listing >= 0 && _tables.Listings[listing] is { Known: true } l && l.Discipline == d))
        && (_scope.Department is null || _tables.DepartmentOf(listing, course) == _department);

    private Guid ListingFund(int listing) => listing >= 0 && _tables.Listings[listing].Known ? _tables.Listings[listing].FundId : Guid.Empty;
}
