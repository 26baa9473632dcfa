using System.Globalization;
using MicroInternships.Journeys.Bench;

// Journeys through the whole running system (AppHost, PostgreSQL, RabbitMQ, simulator at zero delay), through the
// gateway: approval-to-paid latency, placements paid per second with nothing lost, and a registration burst.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
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

int Arg(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static void Print(string line) => Console.WriteLine(line);
