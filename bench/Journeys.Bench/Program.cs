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

if (args.Contains("--notifications"))
{
    await NotificationsAsync();
    return;
}

if (args.Contains("--insights"))
{
    await InsightsAsync();
    return;
}

if (args.Contains("--credentials"))
{
    await CredentialsAsync();
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
    string Spread(Func<ReplaySpeed.Run, double> figure, string format) => RunSpread.Of(results, figure, format);

    Print($"replay of {events:N0} events: {Spread(r => r.Seconds, "F1")} s (target < 60 s), {Spread(r => r.EventsPerSecond(events), "N0")} events/s; " +
          $"Listings done sending at {Spread(r => r.PublisherSeconds, "F1")} s");
    Print($"Listings API p99 before: {Spread(r => r.P99Before, "F1")} ms; during: {Spread(r => r.P99During, "F1")} ms " +
          $"(while Listings sent: {Spread(r => r.P99WhilePublishing, "F1")}; after: {Spread(r => r.P99AfterPublishing, "F1")}); " +
          $"ratio during / before: {Spread(r => r.Ratio, "F2")}; failed requests: {results.Sum(r => r.Failed)}");
}

// Insights: the summary and a series timed with every kind of filter on the sample data, then over a history of
// `placements` placements written into the publishers' event logs and learned by a rebuild by replay; the ingest of a backlog.
async Task InsightsAsync()
{
    var (placements, runs, live) = (Arg("--placements", 100_000), Arg("--runs", 5), Arg("--live", 20_000));
    Console.WriteLine($"Insights benchmark: {placements:N0} placements' history, {runs} runs each, {live:N0} live events; " +
                      $"{Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
    await using var system = await RunningSystem.StartAsync();
    var bench = new InsightsSpeed(system);
    var coordinator = await system.ServiceSignedInAsync(ResourceNames.InsightsApi, new { sub = "c-insights-bench", role = "coordinator", name = "Bench" });
    var prefix = $"{Random.Shared.Next():x8}";
    string[] Summaries(string prefixed) =>
    [
        "/api/insights/summary", "/api/insights/summary?term=Fall%202025", "/api/insights/summary?from=2025-01-06&to=2025-03-30",
        "/api/insights/summary?department=Department%203", "/api/insights/summary?discipline=Discipline%202",
        $"/api/insights/summary?organizationId={prefixed}", "/api/insights/summary?term=Spring%202026&department=Department%205",
    ];
    string[] Series = ["/api/insights/series?measure=placements_started", "/api/insights/series?measure=paid_cents&term=Fall%202025",
        "/api/insights/series?measure=applications&department=Department%201"];

    // The history's organization 7, as the API names it (md5 of the prefix and 'o7', as InsightsHistory writes it).
    var organization = new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{prefix}o7")), bigEndian: true);
    var summaryBefore = new List<InsightsSpeed.Latency>();
    for (var run = 0; run < runs; run++)
    {
        summaryBefore.Add(await InsightsSpeed.TimeAsync(coordinator, Summaries(organization.ToString())));
    }

    var history = new InsightsHistory(system, placements, prefix);
    var writing = System.Diagnostics.Stopwatch.StartNew();
    var events = await history.WriteAsync();
    Console.WriteLine($"  wrote {events:N0} events ({placements:N0} placements' history) into the publishers' logs in {writing.Elapsed.TotalSeconds:F0} s");
    var rebuild = await bench.RebuildAsync(history);
    Print($"rebuild by replay of {events:N0} events: {rebuild:F1} s (target <= 120 s), {events / rebuild:N0} events/s");
    coordinator.Dispose();
    coordinator = await system.ServiceSignedInAsync(ResourceNames.InsightsApi, new { sub = "c-insights-bench", role = "coordinator", name = "Bench" });

    var summaryAfter = new List<InsightsSpeed.Latency>();
    var series = new List<InsightsSpeed.Latency>();
    for (var run = 0; run < runs; run++)
    {
        summaryAfter.Add(await InsightsSpeed.TimeAsync(coordinator, Summaries(organization.ToString())));
        series.Add(await InsightsSpeed.TimeAsync(coordinator, Series));
    }

    Print($"summary, {Summaries("").Length} filters: sample data only p95 {RunSpread.Of(summaryBefore, l => l.P95, "F1")} ms; with {placements:N0} placements " +
          $"p95 {RunSpread.Of(summaryAfter, l => l.P95, "F1")} ms (target <= 50 ms), p50 {RunSpread.Of(summaryAfter, l => l.P50, "F1")} ms; " +
          $"ratio of p95 medians {RunSpread.Median(summaryAfter.Select(l => l.P95)) / RunSpread.Median(summaryBefore.Select(l => l.P95)):F2}; {summaryAfter[0].Requests} requests a run");
    Print($"series, {Series.Length} measures and filters: p95 {RunSpread.Of(series, l => l.P95, "F1")} ms (target <= 100 ms), p50 {RunSpread.Of(series, l => l.P50, "F1")} ms");
    Print($"slowest with {placements:N0} placements: summary {summaryAfter[^1].Slowest.Query} p95 {summaryAfter[^1].Slowest.P95:F1} ms; " +
          $"series {series[^1].Slowest.Query} p95 {series[^1].Slowest.P95:F1} ms (last run)");

    var ingest = new List<InsightsSpeed.Ingest>();
    for (var run = 0; run < runs; run++)
    {
        ingest.Add(await bench.IngestAsync(live));
    }

    Print($"ingest of {live:N0} events waiting in Insights' queue: {RunSpread.Of(ingest, r => r.Drained, "N0")} events/s applied (target >= 2,000/s sustained); " +
          $"the bench published them at {RunSpread.Of(ingest, r => r.Published, "N0")} events/s");
}

// Credentials: approvals that sign one, and what a verifier reads, against a record lookup by code (the baseline).
async Task CredentialsAsync()
{
    var (placements, reads) = (Arg("--placements", 100), Arg("--reads", 2_000));
    Console.WriteLine($"Credentials benchmark: {placements} completions, {reads} timed reads of each kind; " +
                      $"{Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
    await using var system = await RunningSystem.StartAsync();
    var figures = await new CredentialSpeed(system).MeasureAsync(placements, reads);
    string Line(string what, CredentialSpeed.Latency latency) =>
        $"{what}: p50 {latency.P50:F2} ms, p99 {latency.P99:F2} ms; p50 ratio to the record lookup {latency.P50 / figures.Record.P50:F2}";
    Print($"approval through the gateway, signing the credential in its transaction: p50 {figures.Approve.P50:F1} ms, p99 {figures.Approve.P99:F1} ms; " +
          $"a name choice through the gateway (revoke one, sign one): p50 {figures.Reissue.P50:F1} ms, p99 {figures.Reissue.P99:F1} ms");
    Print(Line("record lookup by code, GET /api/verify/{code} (baseline)", figures.Record));
    Print(Line("credential, GET /api/credentials/{id}", figures.Credential));
    Print(Line("keys, GET /.well-known/jwks.json", figures.Keys));
    Print(Line($"status list with {figures.Revoked} revoked, built and signed per request, GET /api/credentials/status/1", figures.StatusList));
}

// Notifications: the bell's summary over a million stored, applications fanned out at 1,000/s, and the journey's
// approval-to-paid latency with Notifications consuming and stopped, alternately, in the same run.
async Task NotificationsAsync()
{
    var (rows, rate, seconds, runs, journeys) = (Arg("--rows", 1_000_000), Arg("--rate", 1_000), Arg("--seconds", 30), Arg("--runs", 5), Arg("--journeys", 100));
    var (applications, partners) = (Arg("--applications", 1_000), Arg("--partners", 5));
    var parts = ArgText("--parts", "summary,fanout,journeys,email").Split(',');
    Console.WriteLine($"Notifications benchmark: summary over {rows:N0} stored, {rate:N0} applications/s for {seconds} s, {journeys} journeys with and without " +
                      $"Notifications, {applications:N0} applications emailed to {partners} partners each; {runs} runs each; " +
                      $"{Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
    await using var system = await RunningSystem.StartAsync();

    if (parts.Contains("summary"))
    {
        await SummaryAsync(system, rows, runs);
    }

    if (parts.Contains("fanout"))
    {
        await FanOutAsync(system, rate, seconds, runs);
    }

    if (parts.Contains("journeys"))
    {
        await JourneysAsync(system, journeys, runs);
    }

    if (parts.Contains("email"))
    {
        await EmailAsync(system, applications, partners, runs);
    }
}

async Task EmailAsync(RunningSystem system, int applications, int partners, int runs)
{
    var bench = new EmailFanOut(system, applications, partners);
    var results = new List<EmailFanOut.Run>();
    for (var run = 1; run <= runs; run++)
    {
        results.Add(await bench.MeasureAsync(run));
    }

    Print($"email: notifications made {RunSpread.Of(results, r => r.MadePerSecondWith, "N0")}/s queuing {partners} emails each against " +
          $"{RunSpread.Of(results, r => r.MadePerSecondWithout, "N0")}/s without (ratio {RunSpread.Median(results.Select(r => r.MadePerSecondWith / r.MadePerSecondWithout)):F2}); " +
          $"{results[0].Emails:N0} emails a run accepted by smtp4dev at {RunSpread.Of(results, r => r.EmailsPerSecond, "N0")}/s; " +
          $"queued to accepted p50 {RunSpread.Of(results, r => r.WaitP50, "F2")} s, p99 {RunSpread.Of(results, r => r.WaitP99, "F2")} s");
}

async Task SummaryAsync(RunningSystem system, int rows, int runs)
{
    var summary = new SummaryLatency(system, rows);
    var prefix = $"s-bench-{Random.Shared.Next():x8}";
    var before = new List<SummaryLatency.Figures>();
    for (var run = 0; run < runs; run++)
    {
        before.Add(await summary.MeasureAsync(prefix));
    }

    var seeding = System.Diagnostics.Stopwatch.StartNew();
    await summary.SeedAsync(prefix);
    Console.WriteLine($"  stored {rows:N0} notifications in {seeding.Elapsed.TotalSeconds:F0} s");
    var after = new List<SummaryLatency.Figures>();
    for (var run = 0; run < runs; run++)
    {
        after.Add(await summary.MeasureAsync(prefix));
    }

    Print($"summary, nearly empty: p95 {RunSpread.Of(before, f => f.P95, "F1")} ms, p50 {RunSpread.Of(before, f => f.P50, "F1")} ms; " +
          $"with {rows:N0} stored: p95 {RunSpread.Of(after, f => f.P95, "F1")} ms (target <= 10 ms), p50 {RunSpread.Of(after, f => f.P50, "F1")} ms, " +
          $"p99 {RunSpread.Of(after, f => f.P99, "F1")} ms; ratio of p95 medians {RunSpread.Median(after.Select(f => f.P95)) / RunSpread.Median(before.Select(f => f.P95)):F2}; " +
          $"{after[0].Requests} requests a run");

}

async Task FanOutAsync(RunningSystem system, int rate, int seconds, int runs)
{
    var fanOut = new FanOut(system, rate, seconds);
    var fanOuts = new List<FanOut.Run>();
    for (var run = 1; run <= runs; run++)
    {
        fanOuts.Add(await fanOut.MeasureAsync(run));
    }

    Print($"fan-out at {rate:N0}/s: backlog in the first third {RunSpread.Of(fanOuts, r => r.BacklogFirstThird, "N0")}, in the last third " +
          $"{RunSpread.Of(fanOuts, r => r.BacklogLastThird, "N0")} (not growing: last <= first + one second of load), drained in " +
          $"{RunSpread.Of(fanOuts, r => r.DrainSeconds, "F1")} s, {RunSpread.Of(fanOuts, r => r.MadePerSecond, "N0")} notifications/s");

}

async Task JourneysAsync(RunningSystem system, int journeys, int runs)
{
    var consuming = new List<double>();
    var stopped = new List<double>();
    for (var run = 1; run <= runs; run++)
    {
        // A partner per measurement, each within the gateway's per-user rate limit.
        var with = await JourneyLatency.MeasureAsync(await Journey.PartnerAsync(system, $"p-with-{run}"), journeys, $"s-with-{run}");
        await system.SetRunningAsync(ResourceNames.NotificationsApi, running: false);
        var without = await JourneyLatency.MeasureAsync(await Journey.PartnerAsync(system, $"p-without-{run}"), journeys, $"s-without-{run}");
        await system.SetRunningAsync(ResourceNames.NotificationsApi, running: true);
        (consuming, stopped) = ([.. consuming, with.P99], [.. stopped, without.P99]);
        Console.WriteLine($"  run {run}: approval -> paid p99 {with.P99:F0} ms with Notifications consuming, {without.P99:F0} ms with it stopped " +
                          $"(p50 {with.P50:F0} and {without.P50:F0} ms)");
    }

    Print($"approval -> paid p99 with Notifications consuming: {RunSpread.Of(consuming, p => p, "F0")} ms; stopped: {RunSpread.Of(stopped, p => p, "F0")} ms; " +
          $"ratio of medians {RunSpread.Median(consuming) / RunSpread.Median(stopped):F2}");
}

string ArgText(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

int Arg(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

static void Print(string line) => Console.WriteLine(line);
