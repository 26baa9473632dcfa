using System.Diagnostics;
using System.Globalization;
using MicroInternships.Messaging.Bench;

// Relay throughput and commit-to-consume latency of the outbox path, beside a bare MassTransit
// publish-to-consume loop measured in the same run on the same broker. See docs/messaging.md.
var settings = BenchSettings.Parse(args);
Console.WriteLine($"Messaging benchmark: {settings.Messages} messages for throughput, {settings.Rate}/s for {settings.Seconds} s for latency, " +
                  $"prefetch {settings.Prefetch}, {settings.Rounds} rounds, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

// Rounds alternate the paths, so that what else the two cores do falls on all of them alike.
var rounds = new List<Round>();
for (var round = 1; round <= settings.Rounds; round++)
{
    var measured = new Round(
        await BareLoop.MeasureAsync(settings),
        await OutboxLoop.MeasureAsync(settings, TickConsumer.Plain),
        await OutboxLoop.MeasureAsync(settings, TickConsumer.Inbox),
        await OutboxLoop.MeasureAsync(settings, TickConsumer.InboxWithEffect));
    rounds.Add(measured);
    Console.WriteLine();
    Console.WriteLine($"round {round}");
    PrintTable(measured, measured.Ratio, measured.EffectRatio);
}

if (rounds.Count > 1)
{
    Console.WriteLine();
    Console.WriteLine($"median of {rounds.Count} rounds (each ratio is the median of the rounds' own ratios)");
    PrintTable(
        new Round(Median(rounds.Select(r => r.Bare)), Median(rounds.Select(r => r.RelayOnly)), Median(rounds.Select(r => r.Outbox)), Median(rounds.Select(r => r.WithEffect))),
        MedianOf(rounds.Select(r => r.Ratio)),
        MedianOf(rounds.Select(r => r.EffectRatio)));
}

static void PrintTable(Round round, double ratio, double effectRatio)
{
    Console.WriteLine($"{"path",-54} {"msg/s",10} {"p50 ms",8} {"p99 ms",8}   {"CPU µs per message: bench",26} {"PostgreSQL",10} {"RabbitMQ",9} {"total",7}");
    Print("bare MassTransit: publish -> consume", round.Bare);
    Print("outbox: commit -> relay -> consumer, no inbox", round.RelayOnly);
    Print("outbox: commit -> relay -> inbox consumer", round.Outbox);
    Print("  the same, the consumer also writing an effect row", round.WithEffect);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"ratio outbox / bare (throughput)",-54} {ratio,10:F2}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"ratio with the effect row / bare (throughput)",-54} {effectRatio,10:F2}"));
}

static void Print(string name, Measurement m) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-54} {m.Throughput,10:F0} {m.P50,8:F2} {m.P99,8:F2}   {m.Cpu.Bench,26:F0} {m.Cpu.Postgres,10:F0} {m.Cpu.RabbitMq,9:F0} {m.Cpu.Total,7:F0}"));

static Measurement Median(IEnumerable<Measurement> measurements)
{
    var all = measurements.ToList();
    return new Measurement(
        MedianOf(all.Select(m => m.Throughput)),
        MedianOf(all.Select(m => m.P50)),
        MedianOf(all.Select(m => m.P99)),
        new CpuPerMessage(MedianOf(all.Select(m => m.Cpu.Bench)), MedianOf(all.Select(m => m.Cpu.Postgres)), MedianOf(all.Select(m => m.Cpu.RabbitMq))));
}

static double MedianOf(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

/// <summary>A path's figures; <see cref="Cpu"/> is per message during the throughput drain.</summary>
public sealed record Measurement(double Throughput, double P50, double P99, CpuPerMessage Cpu);

/// <summary>One round: the bare loop, the relay alone, and the whole outbox path without and with an effect row.</summary>
public sealed record Round(Measurement Bare, Measurement RelayOnly, Measurement Outbox, Measurement WithEffect)
{
    public double Ratio => Outbox.Throughput / Bare.Throughput;

    public double EffectRatio => WithEffect.Throughput / Bare.Throughput;
}

public sealed record BenchSettings(int Messages, int Rate, int Seconds, int Prefetch, int Rounds, string Postgres, string Messaging)
{
    public static BenchSettings Parse(string[] args)
    {
        int Arg(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }

        return new BenchSettings(
            Arg("--messages", 20_000),
            Arg("--rate", 200),
            Arg("--seconds", 10),
            Arg("--prefetch", 128),
            Arg("--rounds", 3),
            Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? throw new InvalidOperationException("Run through scripts/bench-messaging.sh (ConnectionStrings__Postgres is not set)."),
            Environment.GetEnvironmentVariable("ConnectionStrings__messaging") ?? throw new InvalidOperationException("ConnectionStrings__messaging is not set."));
    }
}

internal static class Pace
{
    /// <summary>Calls <paramref name="send"/> <paramref name="rate"/> times a second for <paramref name="seconds"/> seconds.</summary>
    public static async Task RunAsync(int rate, int seconds, Func<long, Task> send)
    {
        var total = (long)rate * seconds;
        var started = Stopwatch.GetTimestamp();
        for (long sequence = 0; sequence < total; sequence++)
        {
            var due = TimeSpan.FromSeconds((double)sequence / rate);
            var wait = due - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            await send(sequence);
        }
    }
}
