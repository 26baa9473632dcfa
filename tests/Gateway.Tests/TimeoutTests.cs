using System.Net;
using System.Net.Sockets;
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
        var started = DateTime.UtcNow;

        using var response = await factory.CreateClient().GetAsync("/api/events/00000000-0000-0000-0000-000000000001/calendar.ics");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        accepted.ForEach(c => c.Dispose());
    }
}
