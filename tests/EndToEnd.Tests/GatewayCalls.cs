using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MicroInternships.EndToEnd.Tests;

/// <summary>What journeys through the gateway share: development tokens, calls that expect a status, and waiting for the system to catch up.</summary>
public sealed class GatewayCalls(SystemFixture system)
{
    private static readonly TimeSpan _eventualTimeout = TimeSpan.FromSeconds(30);

    public async Task<HttpClient> ClientAsync(object claims)
    {
        using var response = await system.Gateway.PostAsJsonAsync("/dev/token", claims);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = new HttpClient { BaseAddress = system.Gateway.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> EventuallyAsync(Func<Task<JsonElement?>> attempt)
    {
        var deadline = DateTime.UtcNow + _eventualTimeout;
        while (true)
        {
            if (await attempt() is { } result)
            {
                return result;
            }

            Assert.True(DateTime.UtcNow < deadline, "The system never reached the expected state.");
            await Task.Delay(200);
        }
    }
}
