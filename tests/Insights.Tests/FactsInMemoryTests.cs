using Npgsql;
using static MicroInternships.Insights.Tests.SummaryTests;

namespace MicroInternships.Insights.Tests;

/// <summary>The figures are counted from facts held in memory; what the database commits reaches them, however late it commits.</summary>
[Collection(InsightsCollection.Name)]
public sealed class FactsInMemoryTests(InsightsFactory factory)
{
    [Fact]
    public async Task AFactWrittenByATransactionStillOpenAtARead_IsCountedOnceItCommits()
    {
        var organization = Guid.NewGuid();
        using var coordinator = factory.CreateClientAs("c-1", "coordinator");
        async Task<decimal?> StartedAsync() =>
            Value((await SummaryAsync(coordinator, $"?organizationId={organization}")).GetProperty("flow"), "placementsStarted");

        await using var slow = new NpgsqlConnection(factory.Database.ConnectionString);
        await slow.OpenAsync();
        await using var transaction = await slow.BeginTransactionAsync();
        await InsertStartedPlacementAsync(slow, organization);
        Assert.Equal(0, await StartedAsync());

        await using (var quick = new NpgsqlConnection(factory.Database.ConnectionString))
        {
            await quick.OpenAsync();
            await InsertStartedPlacementAsync(quick, organization);
        }

        Assert.Equal(1, await StartedAsync());
        await transaction.CommitAsync();
        Assert.Equal(2, await StartedAsync());
    }

    [Fact]
    public async Task AFactChangedAfterItWasRead_IsCountedAsItIsNow()
    {
        var organization = Guid.NewGuid();
        using var coordinator = factory.CreateClientAs("c-1", "coordinator");
        await using var connection = new NpgsqlConnection(factory.Database.ConnectionString);
        await connection.OpenAsync();
        var placement = await InsertStartedPlacementAsync(connection, organization);
        var before = (await SummaryAsync(coordinator, $"?organizationId={organization}")).GetProperty("flow");
        Assert.Equal(0, Value(before, "placementsCompleted"));

        await using (var complete = new NpgsqlCommand("UPDATE placement_facts SET completed_at = now() WHERE id = @id", connection))
        {
            complete.Parameters.AddWithValue("id", placement);
            await complete.ExecuteNonQueryAsync();
        }

        var after = (await SummaryAsync(coordinator, $"?organizationId={organization}")).GetProperty("flow");
        Assert.Equal(1, Value(after, "placementsStarted"));
        Assert.Equal(1, Value(after, "placementsCompleted"));
    }

    [Fact]
    public async Task MoreFactsThanATableFirstHolds_AreEachCountedUnderEveryFilter()
    {
        const int Placements = 300;
        var history = new History();
        var course = Guid.NewGuid();
        history.Events.Add(History.Course(course, "f-many", "Many Studies"));
        var linked = history.Listing(course: course);
        var unlinked = history.Listing(discipline: "Design");
        for (var i = 0; i < Placements; i++)
        {
            history.Placed(i % 2 == 0 ? linked : unlinked, i % 2 == 0 ? course : null, complete: true, payout: "paid", partnerRating: 1 + (i % 5));
        }

        await factory.PublishAllAsync([.. history.Events]);
        using var coordinator = factory.CreateClientAs("c-1", "coordinator");
        var all = await SummaryAsync(coordinator, $"?organizationId={history.Organization}");
        Assert.Equal(Placements, Value(all.GetProperty("flow"), "placementsStarted"));
        Assert.Equal(Placements, Value(all.GetProperty("flow"), "applications"));
        Assert.Equal(Placements * 40_000, Value(all.GetProperty("money"), "paidCents"));
        Assert.Equal(Placements, Value(all.GetProperty("quality").GetProperty("partnerRatingOfStudents"), "count"));

        var department = await SummaryAsync(coordinator, $"?organizationId={history.Organization}&department=Many%20Studies&term=Fall%202026");
        Assert.Equal(Placements / 2, Value(department.GetProperty("flow"), "placementsCompleted"));
        var discipline = await SummaryAsync(coordinator, $"?organizationId={history.Organization}&discipline=Design&from=2026-10-01&to=2026-10-31");
        Assert.Equal(Placements / 2, Value(discipline.GetProperty("flow"), "placementsStarted"));
    }

    private static async Task<Guid> InsertStartedPlacementAsync(NpgsqlConnection connection, Guid organization)
    {
        var id = Guid.NewGuid();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO placement_facts (id, version, listing_id, organization_id, student_id, status, amount_cents, auto_approved, revision_rounds,
                hours_version, logged_hours, estimated_hours, started_at, applied_at)
            VALUES (@id, 1, @listing, @organization, @student, 'active', 40000, FALSE, 0, 0, 0, 0, now(), now())
            """,
            connection);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("listing", Guid.NewGuid());
        insert.Parameters.AddWithValue("organization", organization);
        insert.Parameters.AddWithValue("student", $"s-{id:N}");
        await insert.ExecuteNonQueryAsync();
        return id;
    }
}
