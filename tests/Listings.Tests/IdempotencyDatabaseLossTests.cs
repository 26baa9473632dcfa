using System.Net;
using MicroInternships.Testing;
using Npgsql;

namespace MicroInternships.Listings.Tests;

/// <summary>
/// An <c>Idempotency-Key</c> is kept in the request's own transaction: when the database goes away in the middle of a
/// request, nothing of it stays behind, not even its key, so the client's retry with the same key runs it, once.
/// </summary>
[Collection(ListingsCollection.Name)]
public sealed class IdempotencyDatabaseLossTests
{
    [Fact]
    public async Task ARequestCutOffFromTheDatabaseMidway_LeavesNoKeyInProgress_SoItsRetryRunsOnce()
    {
        var server = new NpgsqlConnectionStringBuilder(TestInfrastructure.PostgresServer);
        await using var proxy = new TcpProxy(new Uri($"tcp://127.0.0.1:{server.Port}"));
        await using var factory = new ListingsBehindProxy(proxy.Port);
        await ((IAsyncLifetime)factory).InitializeAsync();
        using var coordinator = factory.CreateClientAs("c-1", "coordinator");
        var organization = (await coordinator.PostJsonAsync("/api/organizations", new { name = "Cut Off Co" }).ReadAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var partner = factory.CreateClientAs("p-1", "partner", organization.ToString());
        var listing = (await partner.PostJsonAsync("/api/listings", ListingsScenario.ListingBody()).ReadAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var key = Guid.NewGuid().ToString();

        await using (var holder = new NpgsqlConnection(factory.Database.ConnectionString))
        {
            await holder.OpenAsync();
            await using var hold = await holder.BeginTransactionAsync();
            await new NpgsqlCommand($"SELECT 1 FROM listings WHERE id = '{listing}' FOR UPDATE", holder, hold).ExecuteScalarAsync();
            var publishing = IdempotencyKeyTests.SendAsync(partner, HttpMethod.Post, $"/api/listings/{listing}/publish", null, key);
            await Eventually.HoldsAsync(async () => await WaitingOnALockAsync(holder), "the publish waits on the listing's lock");

            proxy.Cut();
            using var failed = await publishing;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        }

        proxy.Restore();
        Assert.Equal(0L, await factory.Database.ScalarAsync<long>($"SELECT count(*) FROM idempotent_requests WHERE key = '{key}'"));
        Assert.Equal("draft", await factory.Database.ScalarAsync<string>($"SELECT status FROM listings WHERE id = '{listing}'"));

        await Eventually.HoldsAsync(async () =>
        {
            using var retried = await IdempotencyKeyTests.SendAsync(partner, HttpMethod.Post, $"/api/listings/{listing}/publish", null, key);
            return retried.StatusCode == HttpStatusCode.OK && !retried.Headers.Contains("Idempotency-Replayed");
        }, "the retry runs the request once the database is back");
        using var again = await IdempotencyKeyTests.SendAsync(partner, HttpMethod.Post, $"/api/listings/{listing}/publish", null, key);
        Assert.Equal("open", (await again.ReadAsync(HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.True(again.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal(1L, await factory.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'MicroInternships.Contracts.Listings.ListingPublished,%' AND payload->'listing'->>'listingId' = '{listing}'"));
    }

    private static async Task<bool> WaitingOnALockAsync(NpgsqlConnection holder)
    {
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'", holder);
        return (long)(await waiting.ExecuteScalarAsync())! > 0;
    }
}
