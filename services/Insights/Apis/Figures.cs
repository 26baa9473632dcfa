using System.Data.Common;
using MicroInternships.Insights.Data;
using MicroInternships.Insights.Domain;
using MicroInternships.Insights.Memory;
using MicroInternships.ServiceDefaults.Calendar;
using MicroInternships.ServiceDefaults.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MicroInternships.Insights.Apis;

/// <summary>
/// Counts a scope's figures, and hides what its caller may not see: the facts of students' work and money from the
/// facts in memory (<see cref="FactsInMemory"/>), the funds and the Institute's few rows from the database in one round trip.
/// </summary>
public sealed class Figures(InsightsDbContext db, FactsInMemory facts, ProgramCalendar calendar)
{
    private static readonly string[] _payoutStatuses = [.. Enum.GetValues<PayoutStatus>().Select(WireName.Of)];

    public static IReadOnlyCollection<string> SeriesMeasures => SeriesCounts.Measures;

    public async Task<InsightsSummary> SummaryAsync(InsightsScope scope, CancellationToken cancellationToken)
    {
        var read = await facts.CountAsync(db, t => new SummaryCounts(t, new ScopeFilter(scope, t)).Count(), cancellationToken);
        if (scope.SeesSmallCounts)
        {
            await ReadFundsAndInstituteAsync(scope, read, cancellationToken);
        }

        return SummaryShape.Of(scope, calendar.TimeZone.Id, read, new Suppression(scope.SeesSmallCounts), _payoutStatuses);
    }

    public async Task<InsightsSeries> SeriesAsync(InsightsScope scope, string measure, CancellationToken cancellationToken)
    {
        var (tally, asOf) = await facts.CountAsync(
            db, t => (SeriesCounts.Count(t, new ScopeFilter(scope, t), measure, calendar.TimeZone), t.AsOf), cancellationToken);
        var total = tally.Total;
        var weeks = tally.Weeks;
        var allWeeks = WeeksOf(scope, weeks.Keys).ToList();
        var points = allWeeks.Select(week => weeks.GetValueOrDefault(week, new Measured(0, total.Students is null ? null : 0))).ToList();
        var (shownTotal, cells) = new Suppression(scope.SeesSmallCounts).Group(total, points);
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

        for (var week = SeriesTally.MondayOf(first); week <= end; week = week.AddDays(7))
        {
            yield return week;
        }
    }

    /// <summary>What only a coordinator is shown: the funds, and for the whole program the Institute's registrations and slots.</summary>
    private async Task ReadFundsAndInstituteAsync(InsightsScope scope, SummaryRows read, CancellationToken cancellationToken)
    {
        var sql = new ScopeSql(scope);
        List<string> statements = scope.IsProgramWide ? [SummarySql.Funds(sql), SummarySql.Registrations(sql), SummarySql.Slots(sql)] : [SummarySql.Funds(sql)];
        await using var results = await RunAsync(sql, statements, cancellationToken);
        read.Funds = await results.AllAsync(r => new FundFigures(
            r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6)));
        if (scope.IsProgramWide)
        {
            read.Registrations = await results.AllAsync(r => (Audience: r.GetString(0), Tier: r.GetString(1), Registered: r.GetInt64(2),
                Waitlisted: r.GetInt64(3), Promoted: r.GetInt64(4), CheckedIn: r.GetInt64(5)));
            read.Slots = await results.AllAsync(r => new SlotFigures(r.GetGuid(0), r.GetString(1), (int)r.GetInt64(2), (int)r.GetInt64(3)));
        }
    }

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
