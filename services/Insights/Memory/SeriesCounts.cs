using MicroInternships.Insights.Domain;

namespace MicroInternships.Insights.Memory;

/// <summary>
/// The measures a series can chart, each as the fact it counts, the moment it is counted by and what it adds up, by
/// program week (Monday to Sunday in the program's time zone), with the period's total the weeks add up to.
/// </summary>
internal static class SeriesCounts
{
    private static readonly Dictionary<string, Action<FactTables, ScopeFilter, SeriesTally>> _measures = new(StringComparer.Ordinal)
    {
        ["listings_published"] = (t, scope, tally) =>
        {
            foreach (ref readonly var l in t.Listings.Rows)
            {
                if (l.Known && scope.Period(l.PublishedAt) && scope.Listing(l))
                {
                    tally.Add(l.PublishedAt, 1, SeriesTally.NoStudent);
                }
            }
        },
        ["applications"] = (t, scope, tally) => Applications(t, scope, tally, a => a.SubmittedAt),
        ["offers"] = (t, scope, tally) => Applications(t, scope, tally, a => a.OfferedAt),
        ["placements_started"] = (t, scope, tally) => Placements(t, scope, tally, p => p.StartedAt),
        ["placements_completed"] = (t, scope, tally) => Placements(t, scope, tally, p => p.CompletedAt),
        ["placements_cancelled"] = (t, scope, tally) => Placements(t, scope, tally, p => p.CancelledAt),
        ["paid_cents"] = (t, scope, tally) =>
        {
            foreach (ref readonly var y in t.Payouts.Rows)
            {
                if (y.Known && y.Status == "paid" && scope.Period(y.PaidAt) && scope.Payout(y))
                {
                    tally.Add(y.PaidAt, y.AmountCents, y.Student);
                }
            }
        },
        ["hours_logged"] = (t, scope, tally) =>
        {
            foreach (ref readonly var e in t.TimeEntries.Rows)
            {
                if (!e.Known || !scope.Days(e.Date))
                {
                    continue;
                }

                ref readonly var p = ref t.Placements[e.Placement];
                if (p.Known && scope.Placement(p))
                {
                    tally.Add(e.Date, e.Hours, p.Student);
                }
            }
        },
    };

    public static IReadOnlyCollection<string> Measures => _measures.Keys;

    public static SeriesTally Count(FactTables t, ScopeFilter scope, string measure, TimeZoneInfo zone)
    {
        var tally = new SeriesTally(zone, t.StudentCount, counted: measure != "listings_published");
        _measures[measure](t, scope, tally);
        return tally;
    }

    private static void Applications(FactTables t, ScopeFilter scope, SeriesTally tally, Func<ApplicationRow, long> moment)
    {
        foreach (ref readonly var a in t.Applications.Rows)
        {
            if (a.Known && moment(a) is var at && scope.Period(at) && scope.Application(a))
            {
                tally.Add(at, 1, a.Student);
            }
        }
    }

    private static void Placements(FactTables t, ScopeFilter scope, SeriesTally tally, Func<PlacementRow, long> moment)
    {
        foreach (ref readonly var p in t.Placements.Rows)
        {
            if (p.Known && moment(p) is var at && scope.Period(at) && scope.Placement(p))
            {
                tally.Add(at, 1, p.Student);
            }
        }
    }
}

/// <summary>A measure added up by program week and over the whole period, with the distinct students of each.</summary>
internal sealed class SeriesTally(TimeZoneInfo zone, int students, bool counted)
{
    public const int NoStudent = -1;

    private static readonly long _quarterHour = TimeSpan.FromMinutes(15).Ticks;
    private readonly Dictionary<long, long> _offsets = [];
    private readonly Dictionary<DateOnly, (decimal Value, StudentSet Students)> _weeks = [];
    private readonly StudentSet _students = new(students);
    private decimal _total;

    public Measured Total => new(_total, counted ? _students.Count : null);

    public IReadOnlyDictionary<DateOnly, Measured> Weeks =>
        _weeks.ToDictionary(w => w.Key, w => new Measured(w.Value.Value, counted ? w.Value.Students.Count : null));

    /// <summary>A moment's value, in the week of its program day; a zone's offset is looked up once per quarter hour of the moments seen.</summary>
    public void Add(long moment, decimal value, int student)
    {
        var quarter = moment / _quarterHour;
        if (!_offsets.TryGetValue(quarter, out var offset))
        {
            _offsets[quarter] = offset = zone.GetUtcOffset(new DateTime(quarter * _quarterHour, DateTimeKind.Utc)).Ticks;
        }

        Add(DateOnly.FromDateTime(new DateTime(moment + offset)), value, student);
    }

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public void Add(DateOnly day, decimal value, int student)
    {
        var monday = MondayOf(day);
        var (weekValue, weekStudents) = _weeks.TryGetValue(monday, out var week) ? week : (0m, new StudentSet(students));
        _total += value;
        if (student != NoStudent)
        {
            _students.Add(student);
            weekStudents.Add(student);
        }

        _weeks[monday] = (weekValue + value, weekStudents);
    }
}
