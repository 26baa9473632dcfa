using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using MicroInternships.Hosting;

namespace MicroInternships.Journeys.Bench;

/// <summary>
/// Credentials through the running system: approvals that sign a credential in their transaction, then what a
/// verifier reads (the credential, the keys, the status list) timed against a record lookup by code, the cheapest
/// anonymous read, in the same run. Reads go to Placements itself, past the gateway's per-address limits.
/// </summary>
internal sealed class CredentialSpeed(RunningSystem system)
{
    public sealed record Latency(double P50, double P99);

    public sealed record Figures(Latency Approve, Latency Reissue, Latency Record, Latency Credential, Latency Keys, Latency StatusList, int Revoked);

    public async Task<Figures> MeasureAsync(int placements, int reads)
    {
        var journey = await Journey.PartnerAsync(system, "p-credential-bench");
        var submitted = new List<SubmittedPlacement>();
        for (var i = 0; i < placements; i++)
        {
            submitted.Add(await journey.SubmittedAsync($"s-credential-bench-{i}"));
        }

        var approvals = new List<double>();
        foreach (var placement in submitted)
        {
            var started = Stopwatch.GetTimestamp();
            await journey.ApproveAsync(placement);
            approvals.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        // A name choice is a transaction of credential work alone: the old one revoked, a new one signed, two events.
        var reissues = new List<double>();
        foreach (var placement in submitted)
        {
            var started = Stopwatch.GetTimestamp();
            (await placement.Student.PutAsJsonAsync($"/api/placements/{placement.Id}/credential", new { includeName = false })).EnsureSuccessStatusCode();
            reissues.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var credentials = new List<(string Id, string Code)>();
        foreach (var placement in submitted)
        {
            var credential = await placement.Student.GetFromJsonAsync<JsonElement>($"/api/placements/{placement.Id}/credential");
            var record = await placement.Student.GetFromJsonAsync<JsonElement>($"/api/placements/{placement.Id}/record");
            credentials.Add((credential.GetProperty("id").GetString()!, record.GetProperty("verificationCode").GetString()!));
        }

        using var placementsApi = await system.ServiceSignedInAsync(ResourceNames.PlacementsApi, new { sub = "c-credential-bench", role = "coordinator", name = "Bench" });
        var revoked = 0;
        foreach (var (id, _) in credentials.Where((_, i) => i % 10 == 0))
        {
            (await placementsApi.PostAsJsonAsync($"/api/credentials/{id}/revoke", new { reason = "issued_in_error" })).EnsureSuccessStatusCode();
            revoked++;
        }

        string Pick(int i, Func<(string Id, string Code), string> path) => path(credentials[i % credentials.Count]);
        return new Figures(
            Of(approvals),
            Of(reissues),
            await TimeAsync(placementsApi, reads, i => Pick(i, c => $"/api/verify/{c.Code}")),
            await TimeAsync(placementsApi, reads, i => Pick(i, c => $"/api/credentials/{c.Id}")),
            await TimeAsync(placementsApi, reads, _ => "/.well-known/jwks.json"),
            await TimeAsync(placementsApi, reads, _ => "/api/credentials/status/1"),
            revoked);
    }

    private static async Task<Latency> TimeAsync(HttpClient client, int reads, Func<int, string> path)
    {
        for (var i = 0; i < 20; i++)
        {
            (await client.GetAsync(path(i))).EnsureSuccessStatusCode();
        }

        var samples = new List<double>(reads);
        for (var i = 0; i < reads; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path(i), HttpCompletionOption.ResponseContentRead);
            response.EnsureSuccessStatusCode();
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Of(samples);
    }

    private static Latency Of(IReadOnlyList<double> samples) => new(Percentiles.Of(samples, 0.5), Percentiles.Of(samples, 0.99));
}
