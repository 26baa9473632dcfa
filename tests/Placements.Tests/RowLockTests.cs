using MicroInternships.Placements.Data;
using MicroInternships.Placements.Domain;
using MicroInternships.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MicroInternships.Placements.Tests;

/// <summary>The shared row-lock helper against PostgreSQL: a locked row waits for its transaction; other rows do not.</summary>
[Collection(PlacementsCollection.Name)]
public sealed class RowLockTests(PlacementsFactory factory)
{
    private readonly PlacementsScenario _scenario = new(factory);

    [Fact]
    public async Task ALockedPlacement_KeepsASecondLockerWaiting_UntilTheFirstCommits_AndLeavesOtherRowsFree()
    {
        var locked = (await _scenario.ActivePlacementAsync(student: 1)).GetProperty("id").GetGuid();
        var other = (await _scenario.ActivePlacementAsync(student: 2)).GetProperty("id").GetGuid();
        await WhileHeldAsync(
            async db => Assert.Equal(locked, (await db.LockAsync<Placement>(locked, CancellationToken.None))!.Id),
            async db =>
            {
                Assert.Equal(other, (await db.LockAsync<Placement>(other, CancellationToken.None))!.Id);
                await AssertHeldElsewhereAsync<Placement>(db, locked);
            });

        await InTransactionAsync(async db =>
        {
            Assert.NotNull(await db.LockAsync<Placement>(locked, CancellationToken.None));
            Assert.Null(await db.LockAsync<Placement>(Guid.NewGuid(), CancellationToken.None));
        });
    }

    [Fact]
    public async Task ARowIsLockedByItsProperties_WithTheirColumnsReadFromTheModel()
    {
        var listing = (await _scenario.OpenListingAsync()).ListingId;
        var course = Guid.NewGuid();
        await _scenario.LinkCourseAsync(course, listing);

        await InTransactionAsync(async db =>
        {
            var link = await db.Locked<CourseLink>(RowLock.NoKeyUpdate, (l => l.CourseId, course), (l => l.ListingId, listing)).SingleAsync();

            Assert.True(link.Linked);
            Assert.Contains("FOR NO KEY UPDATE", db.Locked<CourseLink>(RowLock.NoKeyUpdate, (l => l.CourseId, course)).ToQueryString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task ABatchOfRows_IsLockedInOneStatement_InKeyOrder_AndTheMissingOnesAreLeftOut()
    {
        var first = (await _scenario.OpenListingAsync()).ListingId;
        var second = (await _scenario.OpenListingAsync()).ListingId;
        var missing = Guid.NewGuid();
        await WhileHeldAsync(
            async db =>
            {
                var locked = await db.LockAllAsync<ListingCopy>([second, missing, first], CancellationToken.None);
                Assert.Equal(new[] { first, second }.Order(), locked.Select(copy => copy.Id));
            },
            db => AssertHeldElsewhereAsync<ListingCopy>(db, first));
    }

    /// <summary>
    /// Runs <paramref name="meanwhile"/> in a second transaction, one that gives up on a lock after 200 ms, while the
    /// transaction that ran <paramref name="hold"/> is still open with its locks; then lets that one end.
    /// </summary>
    private async Task WhileHeldAsync(Func<PlacementsDbContext, Task> hold, Func<PlacementsDbContext, Task> meanwhile)
    {
        var held = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var holder = InTransactionAsync(async db =>
        {
            await hold(db);
            held.SetResult();
            await release.Task;
        });
        if (await Task.WhenAny(held.Task, holder) == holder)
        {
            await holder; // the hold itself failed: its assertion, not a wait for good
        }

        try
        {
            await InTransactionAsync(async db =>
            {
                await db.Database.ExecuteSqlRawAsync("SET LOCAL lock_timeout = '200ms'");
                await meanwhile(db);
            });
        }
        finally
        {
            release.SetResult();
            await holder;
        }
    }

    /// <summary>Locking the row gives up at the transaction's <c>lock_timeout</c>: another transaction holds it.</summary>
    private static async Task AssertHeldElsewhereAsync<T>(PlacementsDbContext db, Guid id) where T : class
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => db.LockRowAsync<T>(id, CancellationToken.None));
        Assert.Equal(PostgresErrorCodes.LockNotAvailable, (refused as PostgresException ?? refused.InnerException as PostgresException)?.SqlState);
    }

    /// <summary>A transaction of its own on a context of its own, rolled back at the end (the services retry theirs; a test's must not).</summary>
    private async Task InTransactionAsync(Func<PlacementsDbContext, Task> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementsDbContext>();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await work(db);
        });
    }
}
