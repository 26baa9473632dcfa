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
        var held = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var holder = InTransactionAsync(async db =>
        {
            Assert.Equal(locked, (await db.LockAsync<Placement>(locked, CancellationToken.None))!.Id);
            held.SetResult();
            await release.Task;
        });
        await held.Task;

        try
        {
            await InTransactionAsync(async db =>
            {
                await db.Database.ExecuteSqlRawAsync("SET LOCAL lock_timeout = '200ms'");
                Assert.Equal(other, (await db.LockAsync<Placement>(other, CancellationToken.None))!.Id);
                await AssertHeldElsewhereAsync<Placement>(db, locked);
            });
        }
        finally
        {
            release.SetResult();
            await holder;
        }

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
        var held = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var holder = InTransactionAsync(async db =>
        {
            var locked = await db.LockAllAsync<ListingCopy>([second, missing, first], CancellationToken.None);
            Assert.Equal(new[] { first, second }.Order(), locked.Select(copy => copy.Id));
            held.SetResult();
            await release.Task;
        });
        await held.Task;

        try
        {
            await InTransactionAsync(async db =>
            {
                await db.Database.ExecuteSqlRawAsync("SET LOCAL lock_timeout = '200ms'");
                await AssertHeldElsewhereAsync<ListingCopy>(db, first);
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
