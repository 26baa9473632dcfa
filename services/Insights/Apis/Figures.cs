using System.Data.Common;
using MicroInternships.Insights.Data;
using MicroInternships.Insights.Domain;
using MicroInternships.ServiceDefaults.Calendar;
using MicroInternships.ServiceDefaults.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MicroInternships.Insights.Apis;

/// <summary>Counts a scope's figures from the read model in one round trip, and hides what its caller may not see.</summary>
public sealed class Figures(InsightsDbContext db, ProgramCalendar calendar)
{
    private static readonly string[] _payoutStatuses = [.. Enum.GetValues<PayoutStatus>().Select(WireName.Of)];

    public async Task<InsightsSummary> SummaryAsync(InsightsScope scope, CancellationToken cancellationToken)
    {
        var sql = new ScopeSql(scope, calendar.TimeZone.Id);
        var institute = scope.SeesSmallCounts && scope.IsProgramWide;
        var statements = new List<string>
        {
            SummarySql.AsOf, SummarySql.Applications(sql, "a.submitted_at"), SummarySql.Applications(sql, "a.offered_at"),
            SummarySql.Started(sql), SummarySql.Completed(sql), SummarySql.Cancelled(sql), SummarySql.Listings(sql),
            SummarySql.ActivePartners(sql), SummarySql.PublishToFirstPlacement(sql), SummarySql.PayoutsByStatus(sql),
            SummarySql.ApprovalToPaid(sql), SummarySql.HoursLogged(sql), SummarySql.Ratings(sql), SummarySql.ByDepartment(sql),
        };
        if (scope.SeesSmallCounts)
        {
            statements.Add(SummarySql.Funds(sql));
        }

        if (institute)
        {
            statements.Add(SummarySql.Registrations(sql));
            statements.Add(SummarySql.Slots(sql));
        }

        await using var results = await RunAsync(sql, statements, cancellationToken);
        var read = new SummaryRows();
        read.AsOf = await results.OneAsync(AsOfRow);
        read.Applications = await results.OneAsync(CountAndStudents);
        read.Offers = await results.OneAsync(CountAndStudents);
        read.Started = await results.OneAsync(r => (CountAndStudents(r), Returning: new Measured(r.GetInt64(2), r.GetInt64(2)), Departments: r.GetInt64(3)));
        read.Completed = await results.OneAsync(r => new CompletedRow(CountAndStudents(r), Number(r, 2), r.GetInt64(3), r.GetInt64(4), Number(r, 5), Number(r, 6)));
        read.Cancelled = await results.OneAsync(CountAndStudents);
        read.Listings = await results.OneAsync(r => (Published: r.GetInt64(0), ReturningPartners: r.GetInt64(1), Courses: r.GetInt64(2), Faculty: r.GetInt64(3)));
        read.ActivePartners = await results.OneAsync(r => r.GetInt64(0));
        read.PublishToFirstPlacement = await results.OneAsync(r => new Measured(Number(r, 0), r.GetInt64(1)));
        read.Payouts = await results.AllAsync(r => (Status: r.GetString(0), Count: r.GetInt64(1), Amount: r.GetInt64(2), Students: r.GetInt64(3)));
        read.ApprovalToPaid = await results.OneAsync(r => new Measured(Number(r, 0), r.GetInt64(1)));
        read.Hours = await results.OneAsync(r => new Measured(r.GetDecimal(0), r.GetInt64(1)));
        read.Ratings = await results.AllAsync(r => (Side: r.GetString(0), Rating: r.GetInt32(1), Count: r.GetInt64(2), Students: r.GetInt64(3)));
        read.Departments = await results.AllAsync(r => new DepartmentRow(
            r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6)));
        if (scope.SeesSmallCounts)
        {
            read.Funds = await results.AllAsync(r => new FundFigures(
                r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6)));
        }

        if (institute)
        {
            read.Registrations = await results.AllAsync(r => (Audience: r.GetString(0), Tier: r.GetString(1), Registered: r.GetInt64(2),
                Waitlisted: r.GetInt64(3), Promoted: r.GetInt64(4), CheckedIn: r.GetInt64(5)));
            read.Slots = await results.AllAsync(r => new SlotFigures(r.GetGuid(0), r.GetString(1), (int)r.GetInt64(2), (int)r.GetInt64(3)));
        }

        return SummaryShape.Of(scope, calendar.TimeZone.Id, read, new Suppression(scope.SeesSmallCounts), _payoutStatuses);
    }

    public static IReadOnlyCollection<string> SeriesMeasures => SeriesSql.Measures.Keys.ToArray();

    public async Task<InsightsSeries> SeriesAsync(InsightsScope scope, string measure, CancellationToken cancellationToken)
    {
        var sql = new ScopeSql(scope, calendar.TimeZone.Id);
        var statement = SeriesSql.Measures[measure];
        await using var results = await RunAsync(sql, [SummarySql.AsOf, statement(sql, false), statement(sql, true)], cancellationToken);
        var asOf = await results.OneAsync(AsOfRow);
        var total = await results.OneAsync(WeekRow);
        var weeks = (await results.AllAsync(WeekRow)).ToDictionary(w => w.Week!.Value, w => w.Value);
        var allWeeks = WeeksOf(scope, weeks.Keys).ToList();
        var points = allWeeks.Select(week => weeks.GetValueOrDefault(week, new Measured(0, total.Value.Students is null ? null : 0))).ToList();
        var (shownTotal, cells) = new Suppression(scope.SeesSmallCounts).Group(total.Value, points);
        return new InsightsSeries(measure, "week", InsightsPeriod.Of(scope, calendar.TimeZone.Id), InsightsFilters.Of(scope),
            asOf, shownTotal, [.. allWeeks.Select((week, i) => new SeriesPoint(week, cells[i]))]);
    }

    public async Task<InsightsFunnel> FunnelAsync(InsightsScope scope, CancellationToken cancellationToken)
    {
        var summary = await SummaryAsync(scope, cancellationToken);
        var flow = summary.Flow;
        var stages = new (string Name, Figure Count)[]
        {
            ("applications", flow.Applications), ("offers", flow.Offers), ("placements_started", flow.PlacementsStarted), ("placements_completed", flow.PlacementsCompleted),
        };
        var first = stages[0].Count;
        return new InsightsFunnel(summary.Period, summary.Filters, summary.AsOf, flow.ListingsPublished,
        [
            .. stages.Select((stage, i) => new FunnelStage(
                stage.Name,
                stage.Count,
                i == 0 ? stage.Count with { Value = stage.Count.Suppressed ? null : 1m } : Share(stage.Count, stages[i - 1].Count),
                Share(stage.Count, first))),
        ]);
    }

    private static Figure Share(Figure part, Figure whole) =>
        part.Suppressed || whole.Suppressed ? Figure.Hidden : new Figure(whole.Value is > 0 ? Math.Round(part.Value!.Value / whole.Value.Value, 4) : null, false);

    /// <summary>Every Monday from the period's first week to its last (for an open end, to this week or the data's last).</summary>
    private IEnumerable<DateOnly> WeeksOf(InsightsScope scope, IEnumerable<DateOnly> found)
    {
        var known = found.ToList();
        var start = scope.FromDay ?? (known.Count > 0 ? known.Min() : (DateOnly?)null);
        var end = scope.ToDay ?? (known.Count > 0 && known.Max() > calendar.Today ? known.Max() : calendar.Today);
        if (start is not { } first)
        {
            yield break;
        }

        for (var week = MondayOf(first); week <= end; week = week.AddDays(7))
        {
            yield return week;
        }
    }

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static (DateOnly? Week, Measured Value) WeekRow(DbDataReader row) =>
        (row.IsDBNull(0) ? null : row.GetFieldValue<DateOnly>(0),
         new Measured(Convert.ToDecimal(row.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), row.IsDBNull(2) ? null : row.GetInt64(2)));

    private static DateTimeOffset? AsOfRow(DbDataReader row) => row.IsDBNull(0) ? null : row.GetFieldValue<DateTimeOffset>(0);

    private static Measured CountAndStudents(DbDataReader row) => new(row.GetInt64(0), row.GetInt64(1));

    private static decimal? Number(DbDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : Math.Round(Convert.ToDecimal(row.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture), 2);

    internal async Task<BatchResults> RunAsync(ScopeSql sql, IEnumerable<string> statements, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
        foreach (var statement in statements)
        {
            batch.BatchCommands.Add(sql.Command(statement));
        }

        // Prepared once per connection and kept (Npgsql persists them): a summary's planning costs more than its run.
        await batch.PrepareAsync(cancellationToken);
        return new BatchResults(batch, await batch.ExecuteReaderAsync(cancellationToken), cancellationToken);
    }
}

/// <summary>A batch's result sets, read in order: one row, or all rows, of each.</summary>
internal sealed class BatchResults(NpgsqlBatch batch, NpgsqlDataReader reader, CancellationToken cancellationToken) : IAsyncDisposable
{
    private bool _first = true;

    public async Task<T> OneAsync<T>(Func<DbDataReader, T> read)
    {
        await NextAsync();
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException("An aggregate statement returned no row.");
        }

        return read(reader);
    }

    public async Task<List<T>> AllAsync<T>(Func<DbDataReader, T> read)
    {
        await NextAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await reader.DisposeAsync();
        await batch.DisposeAsync();
    }

    private async Task NextAsync()
    {
        if (!_first && !await reader.NextResultAsync(cancellationToken))
        {
            throw new InvalidOperationException("The batch returned fewer result sets than statements.");
        }

        _first = false;
    }
}
