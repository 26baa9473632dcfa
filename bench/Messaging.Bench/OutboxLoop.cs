using System.Diagnostics;
using MassTransit;
using MicroInternships.Messaging.Bench.Data;
using MicroInternships.Messaging.Inbox;
using MicroInternships.Messaging.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace MicroInternships.Messaging.Bench;

/// <summary>
/// The path every service uses: events written to the outbox in the producer's transaction, published by
/// the relay, consumed by a plain consumer or by an inbox consumer in its own transaction (<see cref="TickConsumer"/>).
/// </summary>
internal static class OutboxLoop
{
    public static async Task<Measurement> MeasureAsync(BenchSettings settings, TickConsumer consumer)
    {
        var database = $"bench_{Guid.NewGuid():N}";
        var scenario = new Scenario();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "bench-outbox" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:benchdb"] = new NpgsqlConnectionStringBuilder(settings.Postgres) { Database = database, MaxPoolSize = 200 }.ConnectionString,
            ["ConnectionStrings:messaging"] = settings.Messaging,
            ["Messaging:PrefetchCount"] = settings.Prefetch.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Services.AddSingleton(scenario);
        builder.AddServiceDatabase<BenchDbContext>("benchdb");
        builder.AddMessaging<BenchDbContext>($"bench-outbox-{Guid.NewGuid():N}"[..21], bus =>
        {
            bus.AddConfigureEndpointsCallback((_, _, endpoint) => AutoDelete.Apply(endpoint));
            switch (consumer)
            {
                case TickConsumer.Plain:
                    bus.AddConsumer<PlainOutboxTickConsumer>();
                    break;
                case TickConsumer.Inbox:
                    bus.AddInboxConsumer<InboxTickConsumer>();
                    break;
                case TickConsumer.InboxWithEffect:
                    bus.AddInboxConsumer<EffectTickConsumer>();
                    break;
            }
        });

        using var host = builder.Build();
        await host.StartAsync();
        host.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(new RecordAfterConsume(scenario));
        await BusReady.WaitAsync(host.Services);
        try
        {
            // Warm-up (a drain, then the light rate unmeasured), then latency at the light rate, then throughput.
            await DrainAsync(host.Services, scenario, 2_000);
            await PacedAsync(host.Services, scenario, settings);
            var latency = await PacedAsync(host.Services, scenario, settings);

            var transactionsBefore = await WritingTransactionsAsync(settings.Postgres);
            var (elapsed, cpu) = await DrainAsync(host.Services, scenario, settings.Messages);
            var throughput = settings.Messages / elapsed.TotalSeconds;
            var transactions = await WritingTransactionsAsync(settings.Postgres) - transactionsBefore - 1;
            Console.WriteLine($"  {consumer}: {settings.Messages:N0} messages drained in {transactions:N0} writing transactions (the producer's, the relay's and the consumer's)");
            return new Measurement(throughput, latency.Percentile(0.50), latency.Percentile(0.99), cpu.PerMessage(settings.Messages));
        }
        finally
        {
            await host.StopAsync();
            await DropAsync(settings.Postgres, database);
        }
    }

    /// <summary>
    /// Commits one event at a time at the light rate; the consumer measures from the moment the producer's commit
    /// returned. Run once unmeasured first: a message alone takes other code than a drain's batches, and in its first
    /// seconds the JIT's tier-up of that code stalled deliveries for 20-70 ms (gone with <c>DOTNET_TieredCompilation=0</c>).
    /// </summary>
    private static async Task<Recorder> PacedAsync(IServiceProvider services, Scenario scenario, BenchSettings settings)
    {
        scenario.CommittedAt.Clear();
        scenario.ConsumedAt.Clear();
        var recorder = scenario.Recorder = new Recorder();
        recorder.Expect(settings.Rate * settings.Seconds);
        await Pace.RunAsync(settings.Rate, settings.Seconds, async sequence =>
        {
            await CommitAsync(services, [new OutboxTick(sequence, 0)]);
            scenario.CommittedAt[sequence] = Stopwatch.GetTimestamp();
        });
        await recorder.WhenAllConsumedAsync(TimeSpan.FromMinutes(2));

        // A relay woken by the commit can deliver before the producer's SaveChangesAsync returned: count that as 0.
        recorder.AddLatencies(scenario.ConsumedAt.Select(consumed =>
            Math.Max(0, Stopwatch.GetElapsedTime(scenario.CommittedAt[consumed.Key], consumed.Value).TotalMilliseconds)));
        return recorder;
    }

    /// <summary>
    /// Commits <paramref name="count"/> events in one transaction and returns the time from that commit until the
    /// consumer applied them all, and the CPU used meanwhile: the relay's and the consumer's work, not the producer's.
    /// </summary>
    private static async Task<(TimeSpan Elapsed, CpuTime Cpu)> DrainAsync(IServiceProvider services, Scenario scenario, int count)
    {
        scenario.Recorder = new Recorder();
        scenario.Recorder.Expect(count);
        await CommitAsync(services, Enumerable.Range(0, count).Select(sequence => new OutboxTick(sequence, Stopwatch.GetTimestamp())));
        var cpu = CpuTime.Now();
        var committed = Stopwatch.GetTimestamp();
        await scenario.Recorder.WhenAllConsumedAsync(TimeSpan.FromMinutes(5));
        return (Stopwatch.GetElapsedTime(committed), CpuTime.Now() - cpu);
    }

    private static async Task CommitAsync(IServiceProvider services, IEnumerable<OutboxTick> ticks)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
        foreach (var tick in ticks)
        {
            db.AddIntegrationEvent(tick);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The server's next transaction id: every transaction that writes takes one, so the difference between two
    /// readings counts the writing transactions in between (on this throwaway server, only the benchmark's).
    /// </summary>
    private static async Task<long> WritingTransactionsAsync(string server)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_current_xact_id()::text::bigint", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task DropAsync(string server, string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
