using System.Globalization;
using MicroInternships.Hosting;
using MicroInternships.Journeys.Bench;

// Journeys through the whole running system (AppHost, PostgreSQL, RabbitMQ, simulator at zero delay), through the
// gateway: approval-to-paid latency, placements paid per second with nothing lost, and a registration burst.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Contains("--replay"))
{
    await ReplayAsync();
    return;
}

var journeys = Arg("--journeys", 200);
var seconds = Arg("--seconds", 60);
var workers = Arg("--workers", 8);
var registrations = Arg("--registrations", 500);
var seats = Arg("--seats", 50);
Console.WriteLine($"Journey benchmark: {journeys} journeys, {seconds} s with {workers} workers, {registrations} registrations for {seats} seats; " +
                  $"{Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

await using var system = await RunningSystem.StartAsync();
var latency = await JourneyLatency.MeasureAsync(await Journey.PartnerAsync(system, "p-latency"), journeys);
Print($"approval -> paid in Placements, over {journeys}: p50 {latency.P50:F0} ms, p99 {latency.P99:F0} ms (targets <= 100 ms, <= 300 ms)");

var throughput = await PaidThroughput.MeasureAsync(system, workers, TimeSpan.FromSeconds(seconds));
Print($"placements approved: {throughput.ApprovedPerSecond:F1}/s; paid within the {seconds} s: {throughput.PaidPerSecond:F1}/s; " +
      $"approved {throughput.Approved}, paid in the end {throughput.PaidInTheEnd}, lost {throughput.Approved - throughput.PaidInTheEnd}");

var (references, payouts) = await system.PartnerPayoutsAsync();
var approvedInAll = latency.Journeys + throughput.Approved;
Print($"payment partner: {payouts} payouts for {references} placements of {approvedInAll} approved (none twice: {payouts == references}, none missing: {references == approvedInAll})");

var burst = await RegistrationBurst.MeasureAsync(system, registrations, seats);
Print($"registration burst: {burst.Requests} at once answered in {burst.Milliseconds:F0} ms (target <= 2000 ms); " +
      $"confirmed {burst.Confirmed}, waitlisted {burst.Waitlisted}, other answers {burst.Other}; the event counts {burst.ConfirmedByEvent} confirmed (exactly {seats}: {burst.ConfirmedByEvent == seats && burst.Confirmed == seats})");

// Replay: history written to Listings' event log, replayed to Placements, Listings' API timed before and during.
async Task ReplayAsync()
{
    var (events, runs, rate) = (Arg("--events", 100_000), Arg("--runs", 5), Arg("--rate", 40));
    Console.WriteLine($"Replay benchmark: {events:N0} events to one consumer, {runs} runs, Listings browsed at {rate}/s; " +
                      $"{Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
    await using var system = await RunningSystem.StartAsync();
    // Listings itself, the publisher, not the gateway (whose per-client rate limit would answer most of this load).
    var student = await system.ServiceSignedInAsync(ResourceNames.ListingsApi, new { sub = "s-replay-bench", role = "student", name = "Bench" });
    var bench = new ReplaySpeed(system, student, events, rate);
    var results = new List<ReplaySpeed.Run>();
    for (var run = 1; run <= runs; run++)
    {
        results.Add(await bench.MeasureAsync(run));
    }

    // A run whose consumer finished with its publisher has no "after" figure; the others make the spread.
    string Spread(Func<ReplaySpeed.Run, double> figure, string format)
    {
        var values = results.Select(figure).Where(value => !double.IsNaN(value)).ToList();
        return values.Count == 0 ? "none"
            : $"median {Median(values).ToString(format)} ({values.Min().ToString(format)}-{values.Max().ToString(format)}, {values.Count} runs)";
    }

    Print($"replay of {events:N0} events: {Spread(r => r.Seconds, "F1")} s (target < 60 s), {Spread(r => r.EventsPerSecond(events), "N0")} events/s; " +
          $"Listings done sending at {Spread(r => r.PublisherSeconds, "F1")} s");
    Print($"Listings API p99 before: {Spread(r => r.P99Before, "F1")} ms; during: {Spread(r => r.P99During, "F1")} ms " +
          $"(while Listings sent: {Spread(r => r.P99WhilePublishing, "F1")}; after: {Spread(r => r.P99AfterPublishing, "F1")}); " +
          $"ratio during / before: {Spread(r => r.Ratio, "F2")}; failed requests: {results.Sum(r => r.Failed)}");
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

int Arg(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static void Print(string line) => Console.WriteLine(line);
