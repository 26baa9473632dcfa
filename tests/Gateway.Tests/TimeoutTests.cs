using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MicroInternships.Gateway.Tests;

public sealed class TimeoutTests
{
    [Fact]
    public async Task AServiceThatNeverAnswers_Is504_NotAHang()
    {
        // A "service" that accepts the connection and then says nothing at all.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<TcpClient>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                accepted.Add(await silent.AcceptTcpClientAsync());
            }
        });
        var address = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
        await using var factory = new GatewayFactory().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ReverseProxy:Clusters:events:Destinations:events-api:Address", address);
            builder.UseSetting("ReverseProxy:Clusters:events:HttpRequest:ActivityTimeout", "00:00:01");
        });
        // The host starts with its first client; only the request is timed.
        using var client = factory.CreateClient();
        var started = DateTime.UtcNow;

        using var response = await client.GetAsync("/api/events/00000000-0000-0000-0000-000000000001/calendar.ics");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("service_timeout", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        accepted.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task AServiceThatIsDown_Is503WithRetryAfter_AndOtherRoutesStillAnswer()
    {
        // A port nothing listens on: the service's process is gone (killed, restarting).
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)closed.LocalEndpoint).Port}";
        closed.Stop();
        await using var factory = new GatewayFactory().WithWebHostBuilder(builder =>
            builder.UseSetting("ReverseProxy:Clusters:events:Destinations:events-api:Address", address));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/events/00000000-0000-0000-0000-000000000001/calendar.ics");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("5", response.Headers.RetryAfter?.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("service_unavailable", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        using var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
