using MicroInternships.Contracts.Listings;
using MicroInternships.Listings.Data;
using MicroInternships.Listings.Domain;
using MicroInternships.Messaging.Outbox;
using MicroInternships.ServiceDefaults.Calendar;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace MicroInternships.Listings.Jobs;

/// <summary>
/// At start, a course whose term is not one of the program's (<c>Program:Terms</c>; courses once named theirs freely)
/// moves to the term it was registered in, with a <c>CourseUpdated</c> each. A course registered outside every term
/// keeps its old term until its faculty member picks one. Replicas claim courses with <c>SKIP LOCKED</c>.
/// </summary>
public sealed partial class CourseTermAlignment(
    IServiceScopeFactory scopes, ProgramCalendar calendar, TimeProvider clock, ILogger<CourseTermAlignment> logger) : BackgroundService
{
    private const int BatchSize = 200;
    private static readonly TimeSpan _retryInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                var moved = await AlignAsync(stoppingToken);
                if (moved > 0)
                {
                    LogMoved(moved);
                }

                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(exception);
                await Task.Delay(_retryInterval, clock, stoppingToken);
            }
        }
    }

    /// <returns>How many courses moved to a program term.</returns>
    public async Task<int> AlignAsync(CancellationToken cancellationToken)
    {
        var names = calendar.Terms.Select(term => term.Name).ToArray();
        var earliest = calendar.Terms.Count == 0 ? DateTimeOffset.MaxValue : calendar.StartOf(calendar.Terms[0].Start);
        var latest = calendar.Terms.Count == 0 ? DateTimeOffset.MinValue : calendar.StartOf(calendar.Terms[^1].End.AddDays(1));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ListingsDbContext>();
        // A course in a gap between terms stays where it is; the batches move past it rather than claim it again.
        var (afterCreated, afterId) = (DateTimeOffset.MinValue, Guid.Empty);
        return await db.InClaimedBatchesAsync(
            BatchSize,
            () => db.Courses.FromSql($"""
                SELECT * FROM courses
                WHERE NOT (term = ANY({names})) AND created_at >= {earliest} AND created_at < {latest}
                  AND (created_at, id) > ({afterCreated}, {afterId})
                ORDER BY created_at, id
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """),
            (course, _) =>
            {
                (afterCreated, afterId) = (course.CreatedAt, course.Id);
                return Task.FromResult(Move(db, course));
            },
            cancellationToken);
    }

    private bool Move(ListingsDbContext db, Course course)
    {
        if (calendar.TermOf(calendar.DateOf(course.CreatedAt)) is not { } term)
        {
            return false;
        }

        course.MoveToTerm(term.Name);
        db.AddIntegrationEvent(new CourseUpdated(course.ToSnapshot(), clock.GetUtcNow()));
        return true;
    }

    [LoggerMessage(LogLevel.Information, "Moved {Count} courses to the program term they were registered in")]
    private partial void LogMoved(int count);

    [LoggerMessage(LogLevel.Warning, "Could not move courses to the program's terms; trying again shortly")]
    private partial void LogFailed(Exception exception);
}
