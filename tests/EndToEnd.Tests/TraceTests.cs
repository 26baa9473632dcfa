using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MicroInternships.EndToEnd.Tests.Telemetry;
using MicroInternships.Hosting;

namespace MicroInternships.EndToEnd.Tests;

/// <summary>
/// Ops follow a journey in one trace: the partner's approval through the gateway, Placements and its outbox,
/// RabbitMQ, Payments' consumer, the call to the payment partner and the webhook that comes back (in the partner's
/// trace, linked), to Placements learning the payout was paid. Checked on the spans the processes exported.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class TraceTests(SystemFixture system)
{
    private readonly GatewayCalls _calls = new(system);

    [Fact]
    public async Task ApprovalToPaid_IsOneTrace_FromTheGatewayToTheWebhookAndBack()
    {
        var (partner, student, placementId) = await SubmittedPlacementAsync();
        var traceId = ActivityTraceId.CreateRandom().ToHexString();

        using (var approve = new HttpRequestMessage(HttpMethod.Post, $"/api/placements/{placementId}/approve"))
        {
            approve.Content = JsonContent.Create(new { rating = 5, feedback = "Traced" });
            approve.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            using var response = await partner.SendAsync(approve);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await GatewayCalls.EventuallyAsync(async () =>
        {
            var current = await GatewayCalls.SendAsync(student, HttpMethod.Get, $"/api/placements/{placementId}");
            return current.GetProperty("paymentStatus").GetString() == "paid" ? current : (JsonElement?)null;
        });

        // A span is exported when it ends: the submission's span can end after the webhook it caused was applied.
        string[] lastToEnd = ["inbox apply PayoutPaid", "payout submit", "payout webhook payout.paid"];
        var trace = await SpansAsync(traceId, spans => lastToEnd.All(name => spans.Any(s => s.Name == name)));
        Assert.Contains(trace, s => s.Service == ResourceNames.Gateway && s.Kind == SpanKind.Server);
        Assert.Contains(trace, s => s.Service == ResourceNames.PlacementsApi && s.Kind == SpanKind.Server);
        Assert.Contains(trace, s => s.Service == ResourceNames.PlacementsApi && s.Scope == "Npgsql");
        Assert.Contains(trace, s => s.Service == ResourceNames.PlacementsApi && s.Name == "outbox relay PlacementCompleted");
        Assert.Contains(trace, s => s.Service == ResourceNames.PlacementsApi && s.Kind == SpanKind.Producer);
        Assert.Contains(trace, s => s.Service == ResourceNames.PaymentsApi && s.Name == "inbox apply PlacementCompleted");
        var submit = Assert.Single(trace, s => s.Service == ResourceNames.PaymentsApi && s.Name == "payout submit");
        Assert.Contains(trace, s => s.Service == ResourceNames.PaymentsApi && s.Kind == SpanKind.Client && s.ParentSpanId == submit.SpanId);

        var webhook = Assert.Single(trace, s => s.Service == ResourceNames.PaymentsApi && s.Name == "payout webhook payout.paid");
        var (requestTraceId, requestSpanId) = Assert.Single(webhook.Links);
        Assert.NotEqual(traceId, requestTraceId);
        var partnerTrace = await SpansAsync(requestTraceId, spans => spans.Any(s => s.SpanId == requestSpanId));
        var request = Assert.Single(partnerTrace, s => s.SpanId == requestSpanId);
        Assert.Equal((ResourceNames.PaymentsApi, SpanKind.Server), (request.Service, request.Kind));
    }

    /// <summary>The spans of one trace, once <paramref name="complete"/> says the exporters have delivered enough of them.</summary>
    private async Task<List<CollectedSpan>> SpansAsync(string traceId, Func<List<CollectedSpan>, bool> complete)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var spans = system.Telemetry.Spans.Where(s => s.TraceId == traceId).ToList();
            if (complete(spans))
            {
                return spans;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Trace {traceId} has only: {string.Join(", ", spans.Select(s => $"{s.Service}/{s.Name}"))}");
            await Task.Delay(200);
        }
    }

    private async Task<(HttpClient Partner, HttpClient Student, string PlacementId)> SubmittedPlacementAsync()
    {
        var coordinator = await _calls.ClientAsync(new { sub = "c-trace", role = "coordinator", name = "Casey" });
        var organization = await GatewayCalls.SendAsync(coordinator, HttpMethod.Post, "/api/organizations", new { name = "Trace Test Co" }, HttpStatusCode.Created);
        var partner = await _calls.ClientAsync(new { sub = "p-trace", role = "partner", name = "Pat", org = organization.GetProperty("id").GetString() });
        var student = await _calls.ClientAsync(new { sub = "s-trace", role = "student", name = "Taylor" });
        var listingId = await GatewayCalls.PublishedListingAsync(partner, "Pricing page teardown", "market research");
        var placementId = await GatewayCalls.AcceptedPlacementAsync(partner, student, listingId, "I price things for a living.");
        await GatewayCalls.SendAsync(student, HttpMethod.Post, $"/api/placements/{placementId}/time-entries",
            new { date = ProgramDay.Today, hours = 4m, note = "Teardown" }, HttpStatusCode.Created);
        await GatewayCalls.SendAsync(student, HttpMethod.Post, $"/api/placements/{placementId}/submit", new { note = "Done", deliverableUrl = "https://trace.example/teardown" });
        return (partner, student, placementId);
    }
}
